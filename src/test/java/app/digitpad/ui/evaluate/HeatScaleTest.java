package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatScaleTest {
    private static final double F = HeatScale.FLOOR;

    /** Digit 0: 100 right, 1 taken for 1, 8 for 2. Digit 1: 50 right, 2 taken for 0. Digit 2 never appears or is right. */
    private static int[][] counts() {
        int[][] c = new int[10][10];
        c[0][0] = 100;
        c[0][1] = 1;
        c[0][2] = 8;
        c[1][1] = 50;
        c[1][0] = 2;
        return c;
    }

    @Test
    void zeroCountsAreExactlyZeroAndAnyImageIsAtLeastTheFloor() {
        for (HeatScale.Mode mode : HeatScale.Mode.values()) {
            HeatScale scale = new HeatScale(counts(), mode);
            assertEquals(0.0, scale.intensity(2, 2), mode.name());
            assertEquals(0.0, scale.intensity(5, 3), mode.name());
            assertEquals(0.0, scale.intensity(3, 3), mode.name() + ": an empty row, no division by zero");
            assertEquals(0.0, scale.rowShare(3, 3));
            assertTrue(scale.intensity(0, 1) >= F, mode.name());
            assertFalse(scale.strong(5, 3));
        }
    }

    @Test
    void logScaleIsTheLogOfTheCountOverTheLogOfTheLargestErrorOrCorrectCount() {
        HeatScale scale = new HeatScale(counts(), HeatScale.Mode.LOG);
        assertEquals(8, scale.maxError());
        assertEquals(100, scale.maxCorrect());
        assertEquals(1.0, scale.intensity(0, 2), 1e-12, "the largest error");
        assertEquals(F, scale.intensity(0, 1), 1e-12, "a single image: ln 1 = 0, so the floor");
        assertEquals(F + (1 - F) / 3, scale.intensity(1, 0), 1e-12, "ln 2 / ln 8 = 1/3");
        assertEquals(1.0, scale.intensity(0, 0), 1e-12, "the largest correct count");
        assertEquals(F + (1 - F) * Math.log(50) / Math.log(100), scale.intensity(1, 1), 1e-12);
        assertTrue(scale.strong(0, 2));
        assertFalse(scale.strong(0, 1));
    }

    @Test
    void rowScaleIsTheShareOfTheRowWithErrorsRelativeToTheLargestErrorShare() {
        HeatScale scale = new HeatScale(counts(), HeatScale.Mode.ROW);
        assertEquals(8 / 109.0, scale.rowShare(0, 2), 1e-12);
        assertEquals(8 / 109.0, scale.maxErrorShare(), 1e-12, "8 of 109 beats 2 of 52");
        assertEquals(1.0, scale.intensity(0, 2), 1e-12);
        assertEquals(F + (1 - F) * (2 / 52.0) / (8 / 109.0), scale.intensity(1, 0), 1e-12);
        assertEquals(F + (1 - F) * (100 / 109.0), scale.intensity(0, 0), 1e-12, "the diagonal is its share as is");
        assertEquals(F + (1 - F) * (50 / 52.0), scale.intensity(1, 1), 1e-12);
    }

    @Test
    void aPerfectModelHasNoErrorsAndNoNaN() {
        int[][] c = new int[10][10];
        c[4][4] = 1;
        for (HeatScale.Mode mode : HeatScale.Mode.values()) {
            HeatScale scale = new HeatScale(c, mode);
            assertEquals(0, scale.maxError());
            assertEquals(1.0, scale.intensity(4, 4), 1e-12, mode + ": a single correct image is the maximum");
            for (int a = 0; a < 10; a++) {
                for (int p = 0; p < 10; p++) {
                    assertFalse(Double.isNaN(scale.intensity(a, p)));
                }
            }
            assertEquals(0.0, scale.errorValueAt(0.1));
        }
    }

    @Test
    void legendValuesInvertTheScale() {
        HeatScale log = new HeatScale(counts(), HeatScale.Mode.LOG);
        assertEquals(0.0, log.errorValueAt(0.0));
        assertEquals(1.0, log.errorValueAt(F), 1e-9);
        assertEquals(8.0, log.errorValueAt(1.0), 1e-9);
        assertEquals(2.0, log.errorValueAt(log.intensity(1, 0)), 1e-9);
        HeatScale row = new HeatScale(counts(), HeatScale.Mode.ROW);
        assertEquals(8 / 109.0, row.errorValueAt(1.0), 1e-12);
    }

    @Test
    void rejectsMalformedCounts() {
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(new int[9][10], HeatScale.Mode.LOG));
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(new int[10][9], HeatScale.Mode.LOG));
        int[][] negative = new int[10][10];
        negative[1][2] = -1;
        assertThrows(IllegalArgumentException.class, () -> new HeatScale(negative, HeatScale.Mode.ROW));
    }
}
