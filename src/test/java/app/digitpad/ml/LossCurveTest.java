package app.digitpad.ml;

import app.digitpad.ml.model.CurvePoint;
import app.digitpad.ml.train.LossCurve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossCurveTest {
    @Test
    void aShortRunKeepsOnePointPerBatch() {
        LossCurve curve = new LossCurve(500, 0.9);
        LossCurve.Change change = curve.addAll(List.of(new CurvePoint(0.1, 2.0), new CurvePoint(0.2, 1.0)));
        assertFalse(change.reset());
        assertEquals(2, change.points().size());
        // Bias-corrected EMA: the first value is the first loss itself, not 10% of it.
        assertEquals(2.0, change.points().get(0).y(), 1e-9);
        assertEquals((0.9 * 0.1 * 2.0 + 0.1 * 1.0) / (1 - 0.81), change.points().get(1).y(), 1e-9);
        assertEquals(change.points().get(1).y(), curve.latest(), 1e-12);
    }

    @Test
    void fiftyThousandBatchesStayWithinTheLimitAndCoverTheWholeRun() {
        LossCurve curve = new LossCurve(500, 0.95);
        List<CurvePoint> mirrored = new ArrayList<>();
        int resets = 0;
        int total = 50_000;
        for (int i = 1; i <= total; i++) {
            LossCurve.Change change = curve.add(i / 1_000.0, 2.0 * Math.exp(-i / 5_000.0));
            if (change.reset()) {
                resets++;
                mirrored.clear();
            }
            mirrored.addAll(change.points());
            assertTrue(curve.points().size() <= 500);
        }
        assertEquals(curve.points(), mirrored, "appends plus resets reproduce the line");
        assertTrue(curve.points().size() >= 250, "at least half the budget is used: " + curve.points().size());
        assertEquals(128, curve.bucketSize()); // 50,000 / 128 = 390 points
        assertTrue(resets <= 10, "the line is rebuilt only when it halves: " + resets);
        assertEquals(curve.bucketSize() / 2.0 / 1_000.0, curve.points().get(0).x(), 0.001, "starts at the run's start");
        assertTrue(curve.points().get(curve.points().size() - 1).x() > 49.5, "reaches the end of the run");
        for (int i = 1; i < curve.points().size(); i++) {
            assertTrue(curve.points().get(i).x() > curve.points().get(i - 1).x(), "x increases");
            assertTrue(curve.points().get(i).y() < curve.points().get(i - 1).y(), "a falling loss stays falling");
        }
        assertEquals(total, curve.batches());
    }

    @Test
    void bucketsAverageTheSmoothedLoss() {
        LossCurve curve = new LossCurve(2, 0.0); // no smoothing: points are plain bucket means
        curve.add(1, 1);
        curve.add(2, 3);
        LossCurve.Change change = curve.add(3, 5); // third point: halve to [mean(1,3)], 5 waits for a partner
        assertTrue(change.reset());
        assertEquals(List.of(new CurvePoint(1.5, 2)), change.points());
        change = curve.add(4, 7);
        assertEquals(List.of(new CurvePoint(3.5, 6)), change.points());
        assertEquals(2, curve.bucketSize());
    }
}
