package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.train.Augmenter;
import app.digitpad.ml.train.Schedule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScheduleAndAugmenterTest {
    @Test
    void oneCycleWarmsUpToThePeakThenDecaysToAlmostZero() {
        float peak = 0.01f;
        assertEquals(peak / 25, Schedule.ONE_CYCLE.rate(peak, 0, 1000), 1e-6);
        assertEquals(peak, Schedule.ONE_CYCLE.rate(peak, 250, 1000), 1e-6);
        assertTrue(Schedule.ONE_CYCLE.rate(peak, 999, 1000) < peak / 100);
        assertTrue(Schedule.ONE_CYCLE.rate(peak, 600, 1000) < Schedule.ONE_CYCLE.rate(peak, 400, 1000));
        assertEquals(peak, Schedule.CONSTANT.rate(peak, 999, 1000));
        assertTrue(Schedule.COSINE.rate(peak, 1000, 1000) < 1e-6);
    }

    @Test
    void augmentationChangesTheDigitButKeepsItInRangeAndMostlyInFrame() {
        float[] images = TestData.train().image(0);
        float before = sum(images, 0);
        Augmenter augmenter = new Augmenter();
        SplittableRandom random = new SplittableRandom(1);
        float[] copy = images.clone();
        augmenter.augment(copy, 0, random);
        double changed = 0;
        for (int i = 0; i < copy.length; i++) {
            assertTrue(copy[i] >= 0f && copy[i] <= 1.0001f, "pixel " + i + " = " + copy[i]);
            changed += Math.abs(copy[i] - images[i]);
        }
        assertTrue(changed > 5, "the image changed: " + changed);
        float after = sum(copy, 0);
        assertTrue(after > before * 0.5 && after < before * 1.8, "ink kept roughly: " + before + " -> " + after);
    }

    private static float sum(float[] values, int from) {
        float s = 0;
        for (int i = from; i < from + 784; i++) {
            s += values[i];
        }
        return s;
    }
}
