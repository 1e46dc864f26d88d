package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelFormatException;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.model.TrainingLog;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    static Path dir;
    static Path saved;
    static float[][] expected;

    /** A briefly trained fast-cnn (batch norm running statistics must survive the round trip too). */
    @BeforeAll
    static void trainAndSave() throws Exception {
        TrainingConfig config = new TrainingConfig(Architecture.FAST_CNN, 1, 64, 0.003f, Schedule.CONSTANT, 3, 640, 200, false,
                TrainingData.MNIST);
        saved = dir.resolve("small.dpmodel");
        CurveRecorder curves = new CurveRecorder();
        try (TrainingResult result = new TrainingRun(config, TestData.train(), TestData.test(), curves).run()) {
            ModelFiles.save(result.classifier(), curves.log(), saved);
            expected = result.classifier().probabilities(images(), 5);
        }
    }

    private static float[] images() {
        float[] images = new float[5 * 784];
        for (int i = 0; i < 5; i++) {
            TestData.test().copyImage(i, images, i * 784);
        }
        return images;
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs() throws Exception {
        try (DigitClassifier loaded = ModelFiles.load(saved)) {
            float[][] actual = loaded.probabilities(images(), 5);
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(expected[i], actual[i], 0f, "image " + i);
            }
            assertEquals(Architecture.FAST_CNN, loaded.metadata().architecture());
            assertEquals(640, loaded.metadata().trainImages());
            assertEquals(64, loaded.metadata().datasetSha256().length());
        }
    }

    @Test
    void theRunsSettingsAndCurvesTravelWithTheModel() throws Exception {
        ModelFiles.Description description = ModelFiles.describe(saved);
        TrainingLog log = description.log().orElseThrow();
        assertEquals(64, log.batchSize());
        assertEquals(0.003f, log.learningRate());
        assertEquals("constant", log.schedule());
        assertEquals(3, log.seed());
        assertEquals(640 / 64, log.trainLoss().size(), "one smoothed point per batch");
        assertEquals(640 / 64, log.trainAccuracy().size());
        assertEquals(1.0, log.trainLoss().get(9).x(), 1e-9, "x counts epochs");
        assertTrue(log.trainAccuracy().stream().allMatch(p -> p.y() >= 0 && p.y() <= 1), "accuracies are fractions");
        assertEquals(1, log.testAccuracy().size());
        assertEquals(description.metadata().testAccuracy(), log.testAccuracy().get(0).y(), 1e-5);
        assertEquals(description.metadata().testLoss(), log.testLoss().get(0).y(), 1e-5);
    }

    @Test
    void aModelWithoutOrWithABrokenLogStillLoads() throws Exception {
        assertTrue(ModelFiles.describeBundled().log().isPresent(), "the shipped model carries the log of its run");
        Path file = dir.resolve("broken-log.dpmodel");
        rewriteEntry(file, "training.json", json -> "{\"formatVersion\": 1, \"curves\": [");
        assertTrue(ModelFiles.describe(file).log().isEmpty());
        try (DigitClassifier loaded = ModelFiles.load(file)) {
            assertArrayEquals(expected[0], loaded.probabilities(images(), 5)[0], 0f);
        }
    }

    @Test
    void savingLeavesNoTemporaryFileAndReplacesTheOldModel() throws Exception {
        Path target = dir.resolve("replaced.dpmodel");
        Files.writeString(target, "old");
        try (DigitClassifier loaded = ModelFiles.load(saved)) {
            ModelFiles.save(loaded, target);
        }
        assertTrue(Files.size(target) > 1000, "the old content was replaced by a model");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
        try (DigitClassifier reloaded = ModelFiles.load(target)) {
            assertEquals(Architecture.FAST_CNN, reloaded.metadata().architecture());
        }
    }

    @Test
    void randomBytesAreRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("noise.dpmodel");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("noise.dpmodel"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        Path file = dir.resolve("truncated.dpmodel");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("truncated.dpmodel"), e.getMessage());
    }

    @Test
    void parametersOfAnotherArchitectureAreRejected() throws IOException {
        Path file = dir.resolve("relabelled.dpmodel");
        rewriteMetadata(file, json -> json.replace("\"fast-cnn\",\"layout\":2", "\"lenet5\",\"layout\":1"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("lenet5"), e.getMessage());
        assertTrue(e.getMessage().contains("another architecture"), e.getMessage());
    }

    @Test
    void aFileOfAnEarlierFastCnnLayoutSaysSo() throws IOException {
        Path file = dir.resolve("old-fast-cnn.dpmodel");
        // files saved before space-to-depth carry no layout field
        rewriteMetadata(file, json -> json.replace(",\"layout\":2", ""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("earlier fast-cnn layout (revision 1; this DigitPad builds revision 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("old-fast-cnn.dpmodel"), e.getMessage());
    }

    @Test
    void anUnknownArchitectureIsNamed() throws IOException {
        Path file = dir.resolve("unknown.dpmodel");
        rewriteMetadata(file, json -> json.replace("\"fast-cnn\"", "\"transformer\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("transformer"), e.getMessage());
    }

    @Test
    void aTenOutputModelKeepsFormatOneAndFilesFromBeforePenTrainingReadAsMnist() throws IOException {
        try (DigitClassifier loaded = ModelFiles.load(saved)) {
            assertEquals(TrainingData.MNIST, loaded.metadata().data());
            assertEquals(NotDigitRule.NONE, loaded.notDigitRule());
        }
        Path old = dir.resolve("before-pen.dpmodel");
        rewriteMetadata(old, json -> {
            assertTrue(json.contains("\"formatVersion\":1"), json);
            return json.replace(",\"data\":\"mnist\"", "").replace(",\"classes\":10", "");
        });
        try (DigitClassifier loaded = ModelFiles.load(old)) {
            assertEquals(TrainingData.MNIST, loaded.metadata().data());
            assertEquals(10, loaded.metadata().classes());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(dir.resolve("absent.dpmodel")));
        assertTrue(e.getMessage().contains("absent.dpmodel") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    /** Copies the saved model with its metadata edited: the same parameters under another label. */
    private static void rewriteMetadata(Path target, java.util.function.UnaryOperator<String> edit) throws IOException {
        rewriteEntry(target, "metadata.json", edit);
    }

    private static void rewriteEntry(Path target, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(saved));
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
