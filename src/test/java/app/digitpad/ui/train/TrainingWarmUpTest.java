package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import org.junit.jupiter.api.Test;

class TrainingWarmUpTest {
    @Test
    void trainsItsBatchesAndLeavesNothingToWaitFor() throws Exception {
        TrainingWarmUp warmUp = new TrainingWarmUp();
        warmUp.run(TestData.train(), TestData.test());
        assertTrue(warmUp.finished());
        assertTrue(warmUp.cancelAndAwait(0), "over: a run need not wait");
    }

    @Test
    void aRunThatStartsFirstMeansNoWarmUp() throws Exception {
        TrainingWarmUp warmUp = new TrainingWarmUp();
        assertTrue(warmUp.cancelAndAwait(0), "not begun: nothing to wait for");
        warmUp.run(TestData.train(), TestData.test());
        assertFalse(warmUp.finished(), "cancelled before it began");
    }

    @Test
    void aRunStoppingItWaitsOnlyForItsBatch() throws Exception {
        TrainingWarmUp warmUp = new TrainingWarmUp();
        TestData.train();
        TestData.test();
        Thread worker = new Thread(() -> warmUp.run(TestData.train(), TestData.test()));
        worker.start();
        while (!worker.isAlive()) {
            Thread.onSpinWait();
        }
        assertTrue(warmUp.cancelAndAwait(10_000), "stopped within a batch (or had finished)");
        worker.join(10_000);
        assertFalse(worker.isAlive());
    }
}
