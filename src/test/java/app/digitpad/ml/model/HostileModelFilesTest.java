package app.digitpad.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.net.Architecture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files made to break the loader: each is refused in one line, without allocating what it claims. */
class HostileModelFilesTest {
    @TempDir
    Path dir;

    private static final List<ZipBytes.Entry> BUNDLED = ZipBytes.entries(ZipBytes.bundled());
    private static final byte[] METADATA = ZipBytes.named(BUNDLED, "metadata.json").content();
    private static final byte[] PARAMETERS = ZipBytes.named(BUNDLED, "parameters.djl").content();

    private static ModelFormatException refused(byte[] file, String name) {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.load(new ByteArrayInputStream(file), name).close());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        return e;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aZipBombIsRefusedAfterReadingNoMoreThanARealModel() throws IOException {
        // a valid metadata.json, then 256 MB of zeros as parameters.djl: a file of about 250 KB
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("metadata.json"));
            zip.write(METADATA);
            zip.putNextEntry(new ZipEntry("parameters.djl"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
        }
        long before = allocatedBytes();
        ModelFormatException e = refused(bytes.toByteArray(), "bomb.dpmodel");
        long allocated = allocatedBytes() - before;
        assertEquals("bomb.dpmodel is not a valid fast-cnn model: its parameters.djl unpacks to more than 909,863 bytes, "
                + "what fast-cnn parameters take (it is corrupt, or made for another architecture).", e.getMessage());
        assertTrue(allocated < 32 << 20, "allocated " + (allocated >> 20) + " MB while refusing a 256 MB entry");
    }

    @Test
    void hugeMetadataIsRefused() {
        byte[] padded = Arrays.copyOf(METADATA, 10 << 20);
        Arrays.fill(padded, METADATA.length, padded.length, (byte) ' ');
        ModelFormatException e = refused(ZipBytes.zip(List.of(new ZipBytes.Entry("metadata.json", padded),
                new ZipBytes.Entry("parameters.djl", PARAMETERS)), false), "padded.dpmodel");
        assertTrue(e.getMessage().contains("its metadata.json unpacks to more than 65,536 bytes"), e.getMessage());
    }

    @Test
    void duplicatedAndUnexpectedEntriesAreRefused() {
        List<ZipBytes.Entry> twice = new ArrayList<>(BUNDLED);
        twice.add(ZipBytes.named(BUNDLED, "metadata.json"));
        assertTrue(refused(ZipBytes.zip(twice, true), "twice.dpmodel").getMessage().contains("holds metadata.json twice"));
        List<ZipBytes.Entry> extra = new ArrayList<>(BUNDLED);
        extra.add(0, new ZipBytes.Entry("evil\n.sh", new byte[] {1}));
        assertEquals("extra.dpmodel is not a DigitPad model file: it holds an unexpected entry 'evil?.sh'.",
                refused(ZipBytes.zip(extra, true), "extra.dpmodel").getMessage());
    }

    @Test
    void entriesInTheOtherOrderStillLoad() throws Exception {
        byte[] reordered = ZipBytes.zip(List.of(ZipBytes.named(BUNDLED, "parameters.djl"), ZipBytes.named(BUNDLED, "metadata.json")), true);
        float[] blank = new float[784];
        try (DigitClassifier expected = ModelFiles.loadBundled();
                DigitClassifier loaded = ModelFiles.load(new ByteArrayInputStream(reordered), "reordered.dpmodel")) {
            assertArrayEquals(expected.predict(blank), loaded.predict(blank), 0f);
        }
    }

    @Test
    void aHugeShapeInsideTheParametersIsRefusedBeforeAnythingIsAllocated() {
        // the first array's first size (conv 32 filters) made 2^40: DJL would allocate a shape's worth first
        byte[] parameters = PARAMETERS.clone();
        int at = indexOf(parameters, "FLOAT32".getBytes(StandardCharsets.UTF_8)) + 7 + 4;
        ByteBuffer.wrap(parameters).putLong(at, 1L << 40);
        ModelFormatException e = refused(ZipBytes.zip(List.of(ZipBytes.named(BUNDLED, "metadata.json"), new ZipBytes.Entry("parameters.djl", parameters)),
                true), "huge-shape.dpmodel");
        assertTrue(e.getMessage().contains("does not hold valid fast-cnn parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("shape size 0 is 1099511627776, expected 32"), e.getMessage());

        byte[] rank = PARAMETERS.clone();
        ByteBuffer.wrap(rank).putInt(at - 4, Integer.MAX_VALUE); // a rank DJL would allocate longs for
        assertTrue(refused(ZipBytes.zip(List.of(ZipBytes.named(BUNDLED, "metadata.json"), new ZipBytes.Entry("parameters.djl", rank)), true),
                "huge-rank.dpmodel").getMessage().contains("shape rank is 2147483647, expected 4"));
    }

    @Test
    void parametersWithNaNAreRefused() throws Exception {
        Path file = damaged("nan.dpmodel", parameter -> {
            if (parameter.getName().equals("weight")) {
                float[] values = parameter.getArray().toFloatArray();
                values[5] = Float.NaN;
                parameter.getArray().set(FloatBuffer.wrap(values));
            }
        });
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertTrue(e.getMessage().contains("holds NaN at 5"), e.getMessage());
    }

    @Test
    void finiteWeightsThatAnswerNaNAreRefused() throws Exception {
        // a negative running variance: every weight finite, every output NaN
        Path file = damaged("negative-variance.dpmodel", parameter -> {
            if (parameter.getName().equals("runningVar")) {
                NDArray variance = parameter.getArray();
                float[] values = new float[Math.toIntExact(variance.size())];
                Arrays.fill(values, -1f);
                variance.set(FloatBuffer.wrap(values));
            }
        });
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(file));
        assertEquals(file + " answers NaN for a blank pad: its weights are broken.", e.getMessage());
    }

    @Test
    void everyArchitectureSavesAndLoads() throws Exception {
        for (Architecture architecture : Architecture.values()) {
            for (NotDigitRule rule : List.of(NotDigitRule.NONE, new NotDigitRule(11, 0.5f))) {
                Path file = dir.resolve(architecture.id() + "-" + rule.classes() + ".dpmodel");
                try (Model model = Model.newInstance(architecture.id())) {
                    model.setBlock(architecture.build(rule.classes()));
                    model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Architecture.INPUT_SHAPE);
                    ModelFiles.save(model, ModelMetadata.of(architecture.id(), architecture, 0, 0, 0, 0, 1, 0, false, "",
                            rule.canReject() ? TrainingData.MNIST_PEN : TrainingData.MNIST, rule), file);
                }
                try (DigitClassifier loaded = ModelFiles.load(file)) {
                    assertEquals(architecture, loaded.metadata().architecture());
                    assertEquals(rule, loaded.notDigitRule());
                }
            }
        }
    }

    /** The bundled model with {@code edit} applied to each of its parameters, saved. */
    private Path damaged(String name, Consumer<Parameter> edit) throws IOException {
        Path file = dir.resolve(name);
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            classifier.model().getBlock().getParameters().values().forEach(edit);
            ModelFiles.save(classifier, file);
        }
        return file;
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void theShippedFileHasNoTrailingSurprises() throws Exception {
        // the check accepts exactly what DigitPad writes: the shipped model loads
        try (DigitClassifier bundled = ModelFiles.load(new ByteArrayInputStream(Files.readAllBytes(
                Path.of("assets/models/digitpad-default.dpmodel"))), "assets/models/digitpad-default.dpmodel")) {
            assertEquals("fast-cnn-10ep", bundled.metadata().name());
        }
    }
}
