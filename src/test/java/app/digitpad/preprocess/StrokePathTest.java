package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokePathTest {
    private static final int N = StrokePath.POINTS;

    private static Stroke line(double x0, double y0, double x1, double y1) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            points.add(new Point(x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10));
        }
        return new Stroke(points);
    }

    /** A 7 as most people write it: the bar left to right, then the stem down to the left. */
    private static List<Stroke> seven(double scale, double dx, double dy) {
        return List.of(new Stroke(List.of(new Point(dx, dy), new Point(dx + 10 * scale, dy),
                new Point(dx + 4 * scale, dy + 16 * scale))));
    }

    @Test
    void sizeAndPositionDropOut() {
        float[] a = StrokePath.of(seven(1, 0, 0));
        float[] b = StrokePath.of(seven(7.5, 120, 40));
        assertArrayEquals(a, b, 1e-5f);
    }

    @Test
    void theLargerSideSpansMinusOneToOne() {
        float[] path = StrokePath.of(seven(3, 10, 10));
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int k = 0; k < N; k++) {
            minY = Math.min(minY, path[N + k]);
            maxY = Math.max(maxY, path[N + k]);
        }
        assertEquals(-1, minY, 1e-5);
        assertEquals(1, maxY, 1e-5);
    }

    @Test
    void theDirectionOfTravelIsKept() {
        float[] rightwards = StrokePath.of(List.of(line(0, 0, 10, 0)));
        float[] leftwards = StrokePath.of(List.of(line(10, 0, 0, 0)));
        for (int k = 0; k < N; k++) {
            assertEquals(1, rightwards[2 * N + k], 1e-5, "dx at " + k);
            assertEquals(-1, leftwards[2 * N + k], 1e-5, "dx at " + k);
            assertEquals(0, rightwards[3 * N + k], 1e-5, "dy at " + k);
            assertEquals(0, rightwards[5 * N + k], 1e-5, "a straight line does not turn");
        }
        assertEquals(-1, rightwards[0], 1e-5);
        assertEquals(1, leftwards[0], 1e-5, "the same picture, drawn the other way, starts at the other end");
    }

    @Test
    void onlyThePointsOnAPenUpJumpAreMarkedLifted() {
        // two strokes of length 10 each, 10 apart: the middle third of the path is the jump
        float[] path = StrokePath.of(List.of(line(0, 0, 10, 0), line(20, 0, 30, 0)));
        int lifted = 0;
        boolean firstAfter = true;
        for (int k = 0; k < N; k++) {
            float up = path[4 * N + k];
            double along = 30.0 * k / (N - 1);
            if (along < 9.9) {
                assertEquals(0, up, "point " + k + " is on the first stroke");
            } else if (along > 10.1 && along < 19.9) {
                assertEquals(1, up, "point " + k + " is on the jump");
            } else if (along > 20.1) {
                // the first point past the jump got there by a lift; the rest of the stroke did not
                assertEquals(firstAfter ? 1 : 0, up, "point " + k + " is on the second stroke");
                firstAfter = false;
            }
            lifted += (int) up;
        }
        assertTrue(lifted > N / 4 && lifted < N / 2, "lifted " + lifted);
        float[] one = StrokePath.of(List.of(line(0, 0, 30, 0)));
        for (int k = 0; k < N; k++) {
            assertEquals(0, one[4 * N + k]);
        }
    }

    @Test
    void aLiftShorterThanThePointsSpacingOrOfNoLengthIsMarkedToo() {
        // the spacing of the points is 60 / 63 here; the lifts are 0.2 long and of no length at all
        for (double gap : new double[] {0.2, 0}) {
            float[] path = StrokePath.of(List.of(line(0, 0, 30, 0), line(30 + gap, 0, 60, 0)));
            int lifted = 0;
            for (int k = 0; k < N; k++) {
                lifted += (int) path[4 * N + k];
            }
            assertEquals(1, lifted, "a lift of " + gap);
        }
    }

    @Test
    void aSinglePointIsADotWithNoDirection() {
        float[] dot = StrokePath.of(List.of(new Stroke(List.of(new Point(5, 5)))));
        for (float value : dot) {
            assertEquals(0, value, 1e-6);
        }
    }

    @Test
    void noStrokesIsNoInk() {
        assertThrows(NoInkException.class, () -> StrokePath.of(List.of()));
    }
}
