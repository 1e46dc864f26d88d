package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.data.MnistData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    @Test
    void precisionRecallAndF1OnAHandMadeCase() {
        ConfusionMatrix m = new ConfusionMatrix();
        // digit 1: 3 right, 1 taken for 7; digit 7: 2 right, 2 taken for 1; digit 4 never predicted.
        add(m, 1, 1, 3);
        add(m, 1, 7, 1);
        add(m, 7, 7, 2);
        add(m, 7, 1, 2);
        add(m, 4, 9, 2);
        assertEquals(10, m.total());
        assertEquals(5, m.correct());
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertEquals(3 / 5.0, m.precision(1).getAsDouble(), 1e-12);
        assertEquals(3 / 4.0, m.recall(1).getAsDouble(), 1e-12);
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.f1(1).getAsDouble(), 1e-12);
        assertEquals(2 / 3.0, m.precision(7).getAsDouble(), 1e-12);
        assertEquals(0.5, m.recall(7).getAsDouble(), 1e-12);
        assertEquals(2, m.maxOffDiagonal());
        // macro averages over the classes where each metric is defined: precision of 1, 7 and 9 (0/2),
        // recall of 1, 7 and 4 (0/2), F1 of 1 and 7 only
        assertEquals((3 / 5.0 + 2 / 3.0 + 0) / 3, m.macroPrecision().getAsDouble(), 1e-12);
        assertEquals((3 / 4.0 + 0.5 + 0) / 3, m.macroRecall().getAsDouble(), 1e-12);
        assertEquals((m.f1(1).getAsDouble() + m.f1(7).getAsDouble()) / 2, m.macroF1().getAsDouble(), 1e-12);
        assertTrue(new ConfusionMatrix().macroF1().isEmpty(), "nothing counted: n/a");
    }

    @Test
    void aClassNeverPredictedHasNoPrecisionInsteadOfDividingByZero() {
        ConfusionMatrix m = new ConfusionMatrix();
        add(m, 4, 9, 2);
        assertTrue(m.precision(4).isEmpty());
        assertEquals(0.0, m.recall(4).getAsDouble());
        assertTrue(m.f1(4).isEmpty());
        assertEquals("n/a", ConfusionMatrix.format(m.precision(4)));
        // digit 9 was predicted twice, never right, and never present
        assertEquals(0.0, m.precision(9).getAsDouble());
        assertTrue(m.recall(9).isEmpty());
        assertTrue(m.toTable().contains("n/a"));
    }

    @Test
    void evaluatorFillsTheMatrixAndTheCellIndices() throws Exception {
        // Three images labelled 0, 1, 2 by MnistData; a fake classifier answers 0, 1, 1.
        byte[] pixels = new byte[3 * MnistData.PIXELS];
        MnistData data = new MnistData(pixels, new byte[] {0, 1, 2}, "");
        int[] answers = {0, 1, 1};
        Evaluation e = Evaluator.evaluate((images, count) -> {
            float[][] rows = new float[count][10];
            for (int i = 0; i < count; i++) {
                rows[i][answers[i]] = 0.9f;
                rows[i][(answers[i] + 1) % 10] = 0.1f;
            }
            return rows;
        }, data);
        assertEquals(2 / 3.0, e.accuracy(), 1e-12);
        assertEquals(List.of(2), e.indicesIn(2, 1));
        assertEquals(List.of(2), e.misclassified());
        assertEquals(1, e.matrix().count(2, 1));
        // loss = mean of -ln p(true): -ln 0.9 for the two right answers, -ln 0.1 for the wrong one
        assertEquals((2 * -Math.log(0.9) - Math.log(0.1)) / 3, e.loss(), 1e-6);
    }

    private static void add(ConfusionMatrix m, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(actual, predicted);
        }
    }
}
