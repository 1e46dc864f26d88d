package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digitpad.ml.model.CurvePoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartRangesTest {
    @Test
    void roundNumbers() {
        assertEquals(1, ChartRanges.roundUp(1), 1e-12);
        assertEquals(2.5, ChartRanges.roundUp(2.31), 1e-12);
        assertEquals(0.15, ChartRanges.roundUp(0.11), 1e-12);
        assertEquals(0.5, ChartRanges.tickUnit(2.5), 1e-12);
        assertEquals(0.025, ChartRanges.tickUnit(0.15), 1e-12);
        assertEquals(0.02, ChartRanges.tickUnit(0.08), 1e-12);
        assertEquals(1, ChartRanges.tickUnit(4), 1e-12);
    }

    @Test
    void theEarlyDescentDoesNotFlattenTheRestOfTheCurve() {
        List<CurvePoint> train = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double epoch = i / 100.0;
            train.add(new CurvePoint(epoch, 0.05 + 2.3 * Math.exp(-epoch * 20)));
        }
        List<CurvePoint> test = List.of(new CurvePoint(1, 0.06), new CurvePoint(2, 0.04));
        double upper = ChartRanges.lossUpperBound(train, test);
        // Fitted to the curve after 15% of the 2.99 epochs (about 0.05 there) and the test losses (0.06): 0.066 rounds to 0.08.
        assertEquals(0.08, upper, 1e-12);
    }

    @Test
    void shortCurvesAreFittedWhole() {
        List<CurvePoint> train = List.of(new CurvePoint(0.1, 2.3), new CurvePoint(0.2, 1.9));
        assertEquals(3, ChartRanges.lossUpperBound(train, List.of()), 1e-12);
        assertEquals(1, ChartRanges.lossUpperBound(List.of(), List.of()), 1e-12);
    }

    @Test
    void theAccuracyAxisEndsAt100AndStartsAtTheLowestPointRoundedDown() {
        assertEquals(0, ChartRanges.accuracyLowerBound(List.of()), 1e-12);
        assertEquals(0, ChartRanges.accuracyLowerBound(List.of(new CurvePoint(0.01, 9.5), new CurvePoint(1, 99.2))), 1e-12);
        assertEquals(80, ChartRanges.accuracyLowerBound(List.of(new CurvePoint(0.5, 87.1), new CurvePoint(1, 99.2))), 1e-12);
        assertEquals(90, ChartRanges.accuracyLowerBound(List.of(new CurvePoint(1, 100))), 1e-12, "never an empty range");
    }
}
