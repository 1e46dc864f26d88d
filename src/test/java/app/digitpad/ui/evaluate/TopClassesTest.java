package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TopClassesTest {
    @Test
    void largestFirstAndTiesToTheLowerDigit() {
        float[] p = {0.05f, 0.1f, 0.0f, 0.6f, 0.0f, 0.1f, 0.0f, 0.0f, 0.15f, 0.0f};
        assertArrayEquals(new int[] {3, 8, 1}, TopClasses.top(p, 3));
        assertArrayEquals(new int[] {3, 8, 1, 5, 0}, TopClasses.top(p, 5));
        assertArrayEquals(new int[] {0, 1}, TopClasses.top(new float[] {0.5f, 0.5f}, 3));
    }
}
