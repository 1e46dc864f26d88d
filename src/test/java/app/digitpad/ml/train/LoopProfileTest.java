package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import org.junit.jupiter.api.Test;

class LoopProfileTest {
    /** A short run accounts for each of its batches and each part of them, inside the run's own time. */
    @Test
    void aRunsProfileCoversEveryBatchAndFitsInsideTheRun() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withBatchSize(64).withLimits(64 * 3, 300);
        TrainingRun run = new TrainingRun(config, TestData.train(), TestData.test(), TrainingListener.NONE);
        long start = System.nanoTime();
        try (TrainingResult result = run.run()) {
            long elapsed = System.nanoTime() - start;
            LoopProfile profile = run.profile();
            assertEquals(3, profile.batches());
            for (LoopProfile.Phase phase : new LoopProfile.Phase[] {LoopProfile.Phase.ASSEMBLE, LoopProfile.Phase.COPY_IN,
                    LoopProfile.Phase.FORWARD, LoopProfile.Phase.LOSS, LoopProfile.Phase.BACKWARD, LoopProfile.Phase.READ_BACK,
                    LoopProfile.Phase.OPTIMIZER, LoopProfile.Phase.TEST}) {
                assertTrue(profile.nanos(phase) > 0, phase + " was timed");
            }
            assertEquals(0, profile.nanos(LoopProfile.Phase.CALIBRATION), "a ten-output run chooses no threshold");
            assertTrue(profile.loopNanos() + profile.nanos(LoopProfile.Phase.TEST) <= elapsed);
            assertTrue(profile.warmUpNanos() <= profile.loopNanos());
            assertTrue(profile.summary().startsWith("loop 3 batches in "), profile.summary());
        }
    }
}
