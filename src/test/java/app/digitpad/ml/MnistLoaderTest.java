package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.MnistData;
import org.junit.jupiter.api.Test;

class MnistLoaderTest {
    @Test
    void bundledTrainingSetLoadsThroughDjlWithMnistsExactLabelCounts() {
        MnistData train = TestData.train();
        assertEquals(60_000, train.size());
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}, train.labelCounts());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9},
                new int[] {train.label(0), train.label(1), train.label(2), train.label(3), train.label(4)});
        assertEquals(64, train.sha256().length(), "dataset checksum is a SHA-256 hex string");
    }

    @Test
    void bundledTestSetLoadsWithMnistsExactLabelCounts() {
        MnistData test = TestData.test();
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, test.labelCounts());
    }

    @Test
    void pixelsAreInUnitRangeWithInkOnDarkBackground() {
        float[] first = TestData.train().image(0);
        float min = 1;
        float max = 0;
        for (float v : first) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertTrue(first[0] == 0f, "corner is background");
    }
}
