package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void theInferenceThreadIsBusyFromSubmissionUntilItsLastTaskEnds() throws Exception {
        try (Workers workers = new Workers()) {
            assertFalse(workers.inferenceBusy());
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            workers.inference().execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CountDownLatch second = new CountDownLatch(1);
            workers.inference().execute(second::countDown);
            assertTrue(workers.inferenceBusy(), "busy as soon as a task is given");
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertTrue(workers.inferenceBusy(), "busy while it runs");
            release.countDown();
            assertTrue(second.await(5, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (workers.inferenceBusy() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertFalse(workers.inferenceBusy(), "idle once both tasks ended");
        }
    }
}
