package app.digitpad.ui.train;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few batches of the default run on a throwaway network, on the worker once the Train screen has
 * read MNIST: the training path's Java code is compiled, and PyTorch makes its kernels for the
 * batch's shapes, before a first run competes for the cores with the Train screen's own start-up.
 * Nothing is saved. A run cancels it and waits for the batch it may be in.
 */
final class TrainingWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWarmUp.class);
    static final int BATCHES = 8;
    static final int TEST_IMAGES = 500;

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean cancelled;
    private volatile TrainingRun run;
    private volatile boolean finished;

    /** On the worker: {@link #BATCHES} default batches of {@code train}, then a test pass on some of {@code test}. */
    void run(MnistData train, MnistData test) {
        started = true;
        try {
            if (cancelled) {
                return;
            }
            TrainingConfig defaults = TrainingConfig.defaults();
            TrainingRun warmUp = new TrainingRun(defaults.withLimits(defaults.batchSize() * BATCHES, TEST_IMAGES), train, test,
                    TrainingListener.NONE).leavingOneCoreWhileTraining();
            run = warmUp;
            if (cancelled) {
                warmUp.cancel();
            }
            long start = System.nanoTime();
            try (TrainingResult result = warmUp.run()) {
                finished = true;
                LOG.debug("Training warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
        } catch (TrainingCancelledException e) {
            LOG.debug("Training warm-up cancelled: a run started");
        } catch (Exception e) { // only a warm-up: the run will meet and report any real problem
            LOG.debug("Training warm-up failed: {}", e.toString());
        } finally {
            done.countDown();
        }
    }

    /** Whether it trained all its batches and tested. */
    boolean finished() {
        return finished;
    }

    /** Stops it before its next batch, from any thread, without waiting. */
    void cancel() {
        cancelled = true;
        TrainingRun current = run;
        if (current != null) {
            current.cancel();
        }
    }

    /** {@link #cancel()}, then waits up to {@code millis} for it to end if it had begun; true if it is over. */
    boolean cancelAndAwait(long millis) throws InterruptedException {
        cancel();
        return !started || done.await(millis, TimeUnit.MILLISECONDS);
    }
}
