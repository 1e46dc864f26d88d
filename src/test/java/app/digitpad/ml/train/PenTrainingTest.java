package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on MNIST + pen digits: what goes into a batch, and the eleven-output model that comes out. */
class PenTrainingTest {
    @TempDir
    Path dir;

    static PenTrainingSet smallPenSet() throws Exception {
        return new PenTrainingSet(read("/pendigits-sample.jsonl"), read("/nondigits-sample.jsonl"));
    }

    private static List<PenDigit> read(String resource) throws Exception {
        try (InputStream in = PenTrainingTest.class.getResourceAsStream(resource)) {
            return PenDigits.read(in, resource);
        }
    }

    @Test
    void aPenBatchHoldsMnistThenPenDigitsThenNonDigitsAndScribbles() throws Exception {
        BatchAssembler assembler = new BatchAssembler(TestData.train(), smallPenSet(), false);
        assertEquals(128 + 32 + 12 + 4, assembler.batchSize(128));
        int[] pool = new int[128];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i;
        }
        float[] images = new float[176 * 784];
        float[] labels = new float[176];
        assembler.fill(pool, 0, 128, images, labels, new SplittableRandom(1));
        for (int i = 0; i < 128; i++) {
            assertEquals(TestData.train().label(i), (int) labels[i], "MNIST first, in pool order");
        }
        for (int i = 128; i < 160; i++) {
            assertTrue(labels[i] >= 0 && labels[i] <= 9, "pen digits keep their digit");
        }
        for (int i = 160; i < 176; i++) {
            assertEquals(NotDigitRule.NOT_A_DIGIT, (int) labels[i], "non-digits and scribbles are class 10");
        }
        // every image is standardized as MNIST's are, and the pen ones hold ink
        float background = -MnistNormalizer.MEAN / MnistNormalizer.STD;
        for (int i = 128; i < 176; i++) {
            int ink = 0;
            for (int p = 0; p < 784; p++) {
                assertTrue(images[i * 784 + p] >= background - 1e-5);
                ink += images[i * 784 + p] > 0 ? 1 : 0;
            }
            assertTrue(ink > 15, "image " + i + " has ink");
        }
        assertEquals(128, new BatchAssembler(TestData.train(), null, false).batchSize(128), "MNIST alone adds nothing");
    }

    @Test
    void aPenRunGivesAnElevenOutputModelThatSavesWithItsRule() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withData(TrainingData.MNIST_PEN).withLimits(512, 200).withBatchSize(64);
        Path file = dir.resolve("pen.dpmodel");
        float[] blank = new float[784];
        float[] expected;
        NotDigitRule expectedRule;
        try (TrainingResult result = new TrainingRun(config, TestData.train(), TestData.test(), smallPenSet(),
                TrainingListener.NONE).run()) {
            DigitClassifier classifier = result.classifier();
            assertEquals(11, classifier.metadata().classes());
            assertEquals(TrainingData.MNIST_PEN, classifier.metadata().data());
            float threshold = classifier.notDigitRule().threshold();
            assertTrue(threshold >= 0.5f && threshold <= 0.95f, "a calibrated threshold: " + threshold);
            expected = classifier.predict(blank);
            expectedRule = classifier.notDigitRule();
            assertEquals(11, expected.length);
            ModelFiles.save(classifier, file);
        }
        try (DigitClassifier loaded = ModelFiles.load(file)) {
            assertEquals(11, loaded.notDigitRule().classes());
            assertEquals(expectedRule, loaded.notDigitRule());
            assertEquals(TrainingData.MNIST_PEN, loaded.metadata().data());
            assertArrayEquals(expected, loaded.predict(blank), 0f);
        }
    }

    @Test
    void aPenRunWithoutPenDataIsRefusedBeforeItStarts() {
        TrainingConfig config = TrainingConfig.defaults().withData(TrainingData.MNIST_PEN).withLimits(512, 200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingRun(config, TestData.train(), TestData.test(), null, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("needs the pen training data"), e.getMessage());
    }

    @Test
    void theBundledPenDataLoads() throws Exception {
        PenTrainingSet bundled = PenTrainingSet.loadBundled();
        assertEquals(9_538, bundled.digits().size());
        assertEquals(15_420, bundled.nonDigits().size());
    }
}
