package app.digitpad.ui.train;

import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Turns a training run's listener calls (on the training thread, one per batch) into few updates on
 * the UI thread. The training thread only records: the newest {@link BatchProgress} replaces the
 * previous one, each batch's loss is appended to a queue, epoch results are queued. At most one
 * drain is posted to the UI at a time; it takes everything recorded so far and hands it over as one
 * {@link Update}. So a busy UI thread gets one update however many batches ran meanwhile, no loss
 * point or epoch is dropped, and the newest batch always arrives. With a minimum interval, drains
 * are also spaced out in time: redrawing the charts for every batch (30-40 a second) cost the
 * training a third of its speed on two cores, mostly in JavaFX's layout and the JIT compiling it.
 *
 * <p>No JavaFX here: the "post to UI" function is passed in ({@code Platform::runLater} in the app).
 */
public final class TrainingProgressBuffer implements TrainingListener {
    /** The loss of one batch, at {@code epoch} = fractional epochs done (step / batches per epoch). */
    public record LossPoint(long step, double epoch, float loss, float accuracy) {}

    /** What the run reported for its start: the sizes actually used. */
    public record Start(TrainingConfig config, int trainImages, int testImages) {}

    /**
     * Everything recorded since the previous update. {@code start} is null unless the run started
     * since; {@code latest} is null when no batch ran since.
     */
    public record Update(Start start, List<LossPoint> losses, BatchProgress latest, List<EpochResult> epochs) {
        public boolean isEmpty() {
            return start == null && latest == null && losses.isEmpty() && epochs.isEmpty();
        }
    }

    private final Consumer<Runnable> postToUi;
    private final Consumer<Update> receiver;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<Start> start = new AtomicReference<>();
    private final AtomicReference<BatchProgress> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<LossPoint> losses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EpochResult> epochs = new ConcurrentLinkedQueue<>();
    private final AtomicLong posts = new AtomicLong();
    private final long minIntervalNanos;
    private volatile long lastPostNanos;

    /**
     * @param postToUi runs a task on the UI thread later, in order (e.g. {@code Platform::runLater})
     * @param receiver gets the updates, on the UI thread
     */
    public TrainingProgressBuffer(Consumer<Runnable> postToUi, Consumer<Update> receiver) {
        this(postToUi, receiver, Duration.ZERO);
    }

    /** @param minInterval a drain is posted at most this often; a later one is delayed, never dropped */
    public TrainingProgressBuffer(Consumer<Runnable> postToUi, Consumer<Update> receiver, Duration minInterval) {
        this.postToUi = Objects.requireNonNull(postToUi);
        this.receiver = Objects.requireNonNull(receiver);
        this.minIntervalNanos = minInterval.toNanos();
        this.lastPostNanos = System.nanoTime() - minIntervalNanos;
    }

    @Override
    public void onStart(TrainingConfig config, int trainImages, int testImages) {
        start.set(new Start(config, trainImages, testImages));
        schedule();
    }

    @Override
    public void onBatch(BatchProgress progress) {
        losses.add(new LossPoint(progress.step(), progress.step() / (double) progress.batchesPerEpoch(), progress.loss(),
                progress.accuracy()));
        latest.set(progress);
        schedule();
    }

    @Override
    public void onEpoch(EpochResult result) {
        epochs.add(result);
        schedule();
    }

    /** How many drains were posted to the UI so far. */
    public long posts() {
        return posts.get();
    }

    /**
     * Delivers whatever is recorded now, if anything. Runs on the UI thread: posted by the buffer,
     * and called directly when the run ends so the last events come before the outcome.
     */
    public void flush() {
        // Clear the flag before reading: an event recorded after this line posts a new drain, so
        // nothing recorded can be left behind.
        scheduled.set(false);
        Start started = start.getAndSet(null);
        List<LossPoint> newLosses = drain(losses);
        BatchProgress newest = latest.getAndSet(null);
        List<EpochResult> newEpochs = drain(epochs);
        Update update = new Update(started, newLosses, newest, newEpochs);
        if (!update.isEmpty()) {
            receiver.accept(update);
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            posts.incrementAndGet();
            long wait = lastPostNanos + minIntervalNanos - System.nanoTime();
            if (wait <= 0) {
                post();
            } else {
                Delays.TIMER.schedule(this::post, wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void post() {
        lastPostNanos = System.nanoTime();
        postToUi.accept(this::flush);
    }

    /** One daemon timer thread for all buffers, made on first use. */
    private static final class Delays {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "digitpad-progress-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> items = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            items.add(item);
        }
        return items;
    }
}
