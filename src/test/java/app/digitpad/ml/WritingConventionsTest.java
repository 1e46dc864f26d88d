package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model reads writing conventions MNIST has few of: a slashed zero (wide and narrow), a 1 with a flag (short and long) and
 * with a base, a crossed 7, an open-top 4, a looped 2, a 9 with a straight stem
 * ({@code conventions.jsonl}: strokes placed point by point on a 280-unit pad, with a little
 * wobble), alone and jointly with the stroke reader, as the pad reads them. And a digit drawn
 * small in a corner gets the same answer as drawn across the pad.
 */
class WritingConventionsTest {
    private static DigitClassifier model;

    @BeforeAll
    static void load() throws Exception {
        model = ModelFiles.loadBundled();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static List<PenDigit> read(String resource) throws Exception {
        try (InputStream in = WritingConventionsTest.class.getResourceAsStream(resource)) {
            return PenDigits.read(in, resource);
        }
    }

    @Test
    void everyConventionIsReadAsItsDigit() throws Exception {
        List<PenDigit> conventions = read("/conventions.jsonl");
        assertEquals(9, conventions.size());
        for (PenDigit sample : conventions) {
            float[] p = model.predict(MnistPreprocessor.fromStrokes(sample.strokes()));
            assertEquals(sample.label(), NotDigitRule.digit(p), sample.id());
            assertFalse(model.notDigitRule().flags(p), sample.id() + " is a digit, not 'not a digit'");
            assertTrue(p[sample.label()] > 0.5, sample.id() + " read with " + p[sample.label()]);
        }
    }

    @Test
    void everyConventionIsReadAsItsDigitJointlyWithTheStrokeReader() throws Exception {
        List<PenDigit> conventions = read("/conventions.jsonl");
        try (StrokeReader reader = StrokeReader.loadBundled()) {
            for (PenDigit sample : conventions) {
                float[] picture = model.predict(MnistPreprocessor.fromStrokes(sample.strokes()));
                float[] p = JointReading.combine(picture, reader.probabilities(List.of(sample.strokes()))[0]);
                assertEquals(sample.label(), NotDigitRule.digit(p), sample.id());
                assertFalse(model.notDigitRule().flags(p), sample.id() + " is a digit, not 'not a digit'");
            }
        }
    }

    @Test
    void aSmallDigitInACornerGetsTheSameAnswerAsAPadSizedOne() throws Exception {
        List<PenDigit> samples = new ArrayList<>(read("/pendigits-sample.jsonl"));
        samples.addAll(read("/conventions.jsonl"));
        for (PenDigit sample : samples) {
            List<Stroke> large = PenDigitPlacer.place(sample.strokes(), MnistPreprocessor.PAD_SIZE, 0.9);
            List<Stroke> small = new ArrayList<>();
            for (Stroke stroke : PenDigitPlacer.place(sample.strokes(), MnistPreprocessor.PAD_SIZE, 0.15)) {
                List<Point> moved = new ArrayList<>();
                for (Point p : stroke.points()) {
                    moved.add(new Point(p.x() - 110, p.y() + 105)); // bottom left corner
                }
                small.add(new Stroke(moved));
            }
            float[] a = model.predict(MnistPreprocessor.fromStrokes(large));
            float[] b = model.predict(MnistPreprocessor.fromStrokes(small));
            assertEquals(NotDigitRule.digit(a), NotDigitRule.digit(b), sample.id());
            assertEquals(a[NotDigitRule.digit(a)], b[NotDigitRule.digit(b)], 1e-3, sample.id() + " with the same confidence");
        }
    }
}
