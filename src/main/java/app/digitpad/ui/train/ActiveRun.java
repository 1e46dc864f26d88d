package app.digitpad.ui.train;

import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingRun;
import java.util.concurrent.CountDownLatch;

/** One run: its settings, its progress buffer and the hand-shake between UI and worker. */
final class ActiveRun {
    final TrainingConfig config;
    final CountDownLatch done = new CountDownLatch(1);
    /** When Start was pressed, for the log's account of where the run's time went. */
    final long startNanos = System.nanoTime();
    TrainingProgressBuffer buffer;
    private TrainingRun training;
    private boolean cancelled;
    private boolean abandoned;
    private boolean saving;

    ActiveRun(TrainingConfig config) {
        this.config = config;
    }

    /** Cancels the run; {@code abandon} also forbids it to touch the live model (window closing). */
    synchronized void cancel(boolean abandon) {
        abandoned |= abandon;
        if (!saving) {
            cancelled = true;
            if (training != null) {
                training.cancel();
            }
        }
    }

    /** Connects the training run; false if the run was cancelled while data loaded. */
    synchronized boolean attach(TrainingRun run) {
        training = run;
        return !cancelled;
    }

    /** From here on cancel no longer applies: the model is complete. False if cancelled before. */
    synchronized boolean beginSaving() {
        if (cancelled) {
            return false;
        }
        saving = true;
        return true;
    }

    synchronized boolean mayGoLive() {
        return !abandoned;
    }
}
