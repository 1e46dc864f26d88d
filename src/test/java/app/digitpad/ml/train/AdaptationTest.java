package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adapting the shipped model to one writer on a few of their samples makes it read that writer's
 * other samples better, keeps it reading everyone else, and leaves the parent untouched. The writer
 * ({@code writer-theta-zeros.jsonl}, strokes placed point by point with some variety) crosses zeros
 * with a bar, as some people do to tell them from the letter O: the shipped model reads about half
 * of those as 8 or as not a digit.
 */
class AdaptationTest {
    private static DigitClassifier shipped;
    private static List<PenDigit> writer;
    private static List<PenDigit> others;

    @BeforeAll
    static void load() throws Exception {
        shipped = ModelFiles.loadBundled();
        try (InputStream in = AdaptationTest.class.getResourceAsStream("/writer-theta-zeros.jsonl")) {
            writer = PenDigits.read(in, "writer-theta-zeros.jsonl");
        }
        try (InputStream in = AdaptationTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            others = PenDigits.read(in, "pendigits-sample.jsonl");
        }
    }

    @AfterAll
    static void close() {
        shipped.close();
    }

    /** Share of the samples read as their digit and not as "not a digit". */
    private static double readRight(DigitClassifier model, List<PenDigit> samples) throws Exception {
        int right = 0;
        for (PenDigit s : samples) {
            float[] p = model.predict(MnistPreprocessor.fromStrokes(s.strokes()));
            right += NotDigitRule.digit(p) == s.label() && !model.notDigitRule().flags(p) ? 1 : 0;
        }
        return right / (double) samples.size();
    }

    @Test
    void fourCorrectedZerosTeachTheModelThisWritersZerosAndItStillReadsOtherDigits() throws Exception {
        List<PenDigit> corrections = new ArrayList<>(writer.subList(0, 4));
        List<PenDigit> heldBack = writer.subList(4, writer.size());
        assertEquals(1.0, readRight(shipped, others), "the other writer's digits are read right before");
        float[] before = shipped.predict(MnistPreprocessor.fromStrokes(heldBack.get(0).strokes()));
        double accuracyBefore = readRight(shipped, heldBack);
        assertTrue(accuracyBefore < 0.8, "the fixture is a writer the shipped model misreads: " + accuracyBefore);
        Adaptation.Settings settings = Adaptation.Settings.defaults().withTestImages(500);
        try (DigitClassifier adapted = new Adaptation(shipped, corrections, TestData.train(), TestData.test(),
                PenTrainingSet.loadBundled(), settings, Adaptation.Listener.NONE).run()) {
            double accuracyAfter = readRight(adapted, heldBack);
            assertTrue(accuracyAfter > accuracyBefore + 0.2 && accuracyAfter > 0.85,
                    "held-back samples read right: " + accuracyBefore + " before, " + accuracyAfter + " after");
            assertEquals(1.0, readRight(adapted, others), "and the other writer's digits still are");
            assertEquals(shipped.metadata().name(), adapted.metadata().parent());
            assertEquals(corrections.size(), adapted.metadata().trainImages());
            assertTrue(adapted.metadata().testAccuracy() > 0.97, "still reads MNIST: " + adapted.metadata().testAccuracy());
            assertEquals(500, adapted.metadata().testImages());
        }
        assertArrayEquals(before, shipped.predict(MnistPreprocessor.fromStrokes(heldBack.get(0).strokes())), 0f,
                "the parent is not touched");
    }

    @Test
    void nothingToLearnFromIsRefusedAndCancelStopsIt() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Adaptation(shipped, List.of(),
                TestData.train(), TestData.test(), null, Adaptation.Settings.defaults(), Adaptation.Listener.NONE));
        assertTrue(e.getMessage().contains("no personal samples"), e.getMessage());
        Adaptation[] self = new Adaptation[1];
        self[0] = new Adaptation(shipped, writer.subList(0, 5), TestData.train(), TestData.test(), null,
                Adaptation.Settings.defaults(), (step, steps, loss) -> self[0].cancel());
        assertThrows(TrainingCancelledException.class, () -> self[0].run());
    }
}
