package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrokeDirectionsTest {
    private static final List<Stroke> SEVEN_WITH_BAR = List.of(
            new Stroke(List.of(new Point(0, 0), new Point(10, 0), new Point(4, 20))),
            new Stroke(List.of(new Point(3, 10), new Point(9, 10))));

    @Test
    void drawnBackwardsEveryStrokeRunsTheOtherWayAndTheLastStrokeComesFirst() {
        List<Stroke> backwards = StrokeDirections.reversed(SEVEN_WITH_BAR);
        assertEquals(List.of(new Stroke(List.of(new Point(9, 10), new Point(3, 10))),
                new Stroke(List.of(new Point(4, 20), new Point(10, 0), new Point(0, 0)))), backwards);
        assertEquals(SEVEN_WITH_BAR, StrokeDirections.reversed(backwards));
        assertEquals(Bounds.of(SEVEN_WITH_BAR), Bounds.of(backwards), "the same picture");
    }

    @Test
    void variedAtTheGivenSharesOnly() {
        SplittableRandom random = new SplittableRandom(1);
        assertEquals(SEVEN_WITH_BAR, StrokeDirections.vary(SEVEN_WITH_BAR, 0, 0, random));
        assertEquals(StrokeDirections.reversed(SEVEN_WITH_BAR), StrokeDirections.vary(SEVEN_WITH_BAR, 1, 1, random));
        int changed = 0;
        for (int i = 0; i < 1000; i++) {
            changed += StrokeDirections.vary(SEVEN_WITH_BAR, 0.15, 0.15, random).equals(SEVEN_WITH_BAR) ? 0 : 1;
        }
        // 1 - 0.85^3: a stroke of two or the order changed
        assertEquals(386, changed, 45);
    }
}
