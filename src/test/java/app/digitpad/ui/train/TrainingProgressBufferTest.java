package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The coalescing listener adapter, without JavaFX: a "UI thread" is a plain queue or a single thread. */
class TrainingProgressBufferTest {
    private static final int BATCHES_PER_EPOCH = 1_000;

    private static BatchProgress batch(int epoch, int batch, int epochs) {
        return new BatchProgress(epoch, epochs, batch, BATCHES_PER_EPOCH, 1f / (epoch * BATCHES_PER_EPOCH + batch), 0.5f,
                0.001f, 3_000, 1_000, 500);
    }

    private static EpochResult epoch(int epoch, int epochs) {
        return new EpochResult(epoch, epochs, 0.1f, 0.9f, 0.2f, 0.8f + epoch / 100f, 3_000, epoch * 1_000L);
    }

    @Test
    void withAMinimumIntervalPostsAreSpacedOutAndTheLastBatchStillArrives() throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<TrainingProgressBuffer.Update> updates = new java.util.concurrent.ConcurrentLinkedQueue<>();
        // the UI runs each drain at once, on the posting thread
        TrainingProgressBuffer buffer = new TrainingProgressBuffer(Runnable::run, updates::add, java.time.Duration.ofMillis(100));
        long start = System.nanoTime();
        for (int b = 1; b <= 50; b++) {
            buffer.onBatch(batch(1, b, 1));
            Thread.sleep(5);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // 50 batches over at least 250 ms: one post at once, then at most one per 100 ms (+1 for the
        // delayed post of the last batches)
        long allowed = 1 + elapsedMillis / 100 + 1;
        assertTrue(buffer.posts() <= allowed, buffer.posts() + " posts in " + elapsedMillis + " ms");
        assertTrue(buffer.posts() >= 2, "later batches are posted too, not held back");
        // Nothing more is coming: the delayed drain delivers the rest within the interval.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (updates.stream().mapToInt(u -> u.losses().size()).sum() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(50, updates.stream().mapToInt(u -> u.losses().size()).sum(), "no batch is lost");
        TrainingProgressBuffer.Update last = null;
        for (TrainingProgressBuffer.Update u : updates) {
            if (u.latest() != null) {
                last = u;
            }
        }
        assertEquals(50, last.latest().batch(), "the newest batch arrives last");
    }

    @Test
    void tenThousandBatchesWhileTheUiIsBusyMakeOnePostAndLoseNothing() {
        List<Runnable> uiQueue = new ArrayList<>(); // posted, not yet run: the UI thread is busy
        List<TrainingProgressBuffer.Update> updates = new ArrayList<>();
        TrainingProgressBuffer buffer = new TrainingProgressBuffer(uiQueue::add, updates::add);

        buffer.onStart(TrainingConfig.defaults(), 60_000, 10_000);
        for (int e = 1; e <= 10; e++) {
            for (int b = 1; b <= BATCHES_PER_EPOCH; b++) {
                buffer.onBatch(batch(e, b, 10));
            }
            buffer.onEpoch(epoch(e, 10));
        }
        assertEquals(1, uiQueue.size(), "one drain pending however many events arrived");
        assertEquals(1, buffer.posts());
        assertTrue(updates.isEmpty(), "nothing reaches the UI before the UI runs the drain");

        uiQueue.remove(0).run();
        assertEquals(1, updates.size());
        TrainingProgressBuffer.Update update = updates.get(0);
        assertNotNull(update.start());
        assertEquals(60_000, update.start().trainImages());
        assertEquals(10 * BATCHES_PER_EPOCH, update.losses().size(), "every batch's loss is kept for the chart");
        for (int i = 0; i < update.losses().size(); i++) {
            assertEquals(i + 1, update.losses().get(i).step(), "losses in order");
        }
        assertEquals(10.0, update.losses().get(update.losses().size() - 1).epoch(), 1e-12);
        assertEquals(10, update.latest().epoch());
        assertEquals(BATCHES_PER_EPOCH, update.latest().batch(), "the newest batch is the one delivered");
        assertEquals(10, update.epochs().size(), "no epoch is dropped");
        for (int e = 0; e < 10; e++) {
            assertEquals(e + 1, update.epochs().get(e).epoch());
        }

        // The next event after the drain posts again, and only that event is delivered.
        buffer.onBatch(batch(11, 1, 11));
        assertEquals(1, uiQueue.size());
        uiQueue.remove(0).run();
        assertEquals(2, updates.size());
        assertEquals(1, updates.get(1).losses().size());
        assertEquals(null, updates.get(1).start());
    }

    @Test
    void anEmptyDrainDeliversNothing() {
        List<TrainingProgressBuffer.Update> updates = new ArrayList<>();
        TrainingProgressBuffer buffer = new TrainingProgressBuffer(Runnable::run, updates::add);
        buffer.flush();
        assertTrue(updates.isEmpty());
        buffer.onBatch(batch(1, 1, 1)); // posted and run at once
        buffer.flush();
        assertEquals(1, updates.size());
    }

    /**
     * A real second thread as the UI: the training thread fires 10,000 batches and 10 epochs while
     * the UI thread is blocked at first and then slow. Few posts, all events, newest last.
     */
    @Test
    void withARealBusyUiThreadPostsStayFewAndTheFinalStateArrives() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch uiBusy = new CountDownLatch(1);
            ui.execute(() -> await(uiBusy)); // the UI thread is busy with something else
            AtomicInteger postCount = new AtomicInteger();
            List<TrainingProgressBuffer.Update> updates = new ArrayList<>(); // touched only on the ui thread
            TrainingProgressBuffer buffer = new TrainingProgressBuffer(task -> {
                postCount.incrementAndGet();
                ui.execute(task);
            }, update -> {
                updates.add(update);
                sleepMillis(2); // a slow UI update
            });

            for (int e = 1; e <= 5; e++) {
                for (int b = 1; b <= BATCHES_PER_EPOCH; b++) {
                    buffer.onBatch(batch(e, b, 10));
                }
                buffer.onEpoch(epoch(e, 10));
            }
            assertEquals(1, postCount.get(), "while the UI thread is busy, 5,000 batches make one post");
            uiBusy.countDown();
            for (int e = 6; e <= 10; e++) {
                for (int b = 1; b <= BATCHES_PER_EPOCH; b++) {
                    buffer.onBatch(batch(e, b, 10));
                }
                buffer.onEpoch(epoch(e, 10));
            }
            CountDownLatch drained = new CountDownLatch(1);
            ui.execute(drained::countDown);
            assertTrue(drained.await(10, TimeUnit.SECONDS));
            // Anything posted while the marker waited has run too, as the executor is FIFO.
            ui.submit(() -> { }).get(10, TimeUnit.SECONDS);

            List<TrainingProgressBuffer.Update> seen = ui.submit(() -> new ArrayList<>(updates)).get();
            assertTrue(postCount.get() <= 5_000 / 2 + 2,
                    "the slow UI thread coalesced most of the second 5,000 batches too (posts: " + postCount.get() + ")");
            int losses = 0;
            long lastStep = 0;
            List<Integer> epochs = new ArrayList<>();
            BatchProgress newest = null;
            for (TrainingProgressBuffer.Update update : seen) {
                for (TrainingProgressBuffer.LossPoint point : update.losses()) {
                    assertEquals(lastStep + 1, point.step(), "loss points arrive once each and in order");
                    lastStep = point.step();
                    losses++;
                }
                update.epochs().forEach(r -> epochs.add(r.epoch()));
                if (update.latest() != null) {
                    newest = update.latest();
                }
            }
            assertEquals(10 * BATCHES_PER_EPOCH, losses);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), epochs);
            assertNotNull(newest);
            assertEquals(10, newest.epoch());
            assertEquals(BATCHES_PER_EPOCH, newest.batch(), "the last batch state is always delivered");
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void theNewestBatchIsDeliveredEvenWhenItRacesTheDrain() throws Exception {
        // Many rounds of a producer against a concurrently draining consumer: after the producer
        // stops and the UI queue is empty, the UI must have seen the producer's last batch.
        ExecutorService ui = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 200; round++) {
                BatchProgress[] shown = new BatchProgress[1];
                TrainingProgressBuffer buffer = new TrainingProgressBuffer(ui::execute, update -> {
                    if (update.latest() != null) {
                        shown[0] = update.latest();
                    }
                });
                int count = 1 + round * 7;
                BatchProgress last = null;
                for (int b = 1; b <= count; b++) {
                    last = batch(1, b, 1);
                    buffer.onBatch(last);
                }
                BatchProgress expected = last;
                ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
                assertSame(expected, ui.submit(() -> shown[0]).get(), "round " + round);
            }
        } finally {
            ui.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
