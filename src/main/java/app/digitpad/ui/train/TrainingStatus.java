package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.EpochResult;
import java.util.Locale;

/** The texts of the Train screen's status line and value read-outs. Plain functions. */
public final class TrainingStatus {
    private TrainingStatus() {}

    /** For example "epoch 2/5 · batch 310/469 · 2,950 img/s · ETA 0:41". */
    public static String batch(BatchProgress p) {
        return String.format(Locale.US, "epoch %d/%d · batch %d/%d · %,d img/s · ETA %s", p.epoch(), p.epochs(),
                p.batch(), p.batchesPerEpoch(), Math.round(p.imagesPerSecond()), Durations.format(p.etaMillis()));
    }

    /** While the test set is classified after an epoch's last batch. */
    public static String testing(BatchProgress p, int testImages) {
        return String.format(Locale.US, "epoch %d/%d · testing on %,d images…", p.epoch(), p.epochs(), testImages);
    }

    public static String loading() {
        return "Loading MNIST…";
    }

    public static String started(int trainImages, int testImages) {
        return String.format(Locale.US, "Training on %,d images, testing on %,d…", trainImages, testImages);
    }

    public static String saving() {
        return "Saving the model…";
    }

    public static String done(ModelMetadata metadata, String fileName) {
        return String.format(Locale.US, "Done: %.2f%% test accuracy in %s · saved as %s · now live",
                metadata.testAccuracy() * 100, Durations.format(metadata.trainingMillis()), fileName);
    }

    public static String cancelled(String reason) {
        return reason + " Nothing was saved; the live model is unchanged.";
    }

    public static String failed(String message) {
        return "Training failed: " + message;
    }

    /** The loss read-out: newest smoothed training loss and the newest epoch's test loss. */
    public static String losses(double trainLoss, EpochResult lastEpoch) {
        String train = Double.isNaN(trainLoss) ? "–" : String.format(Locale.US, "%.4f", trainLoss);
        String test = lastEpoch == null ? "–" : String.format(Locale.US, "%.4f", lastEpoch.testLoss());
        return "train " + train + " · test " + test;
    }

    /** The accuracy read-out for the newest epoch. */
    public static String accuracies(EpochResult lastEpoch) {
        if (lastEpoch == null) {
            return "train – · test –";
        }
        return String.format(Locale.US, "train %.2f%% · test %.2f%%", lastEpoch.trainAccuracy() * 100,
                lastEpoch.testAccuracy() * 100);
    }

    /** "98.76%" */
    public static String percent(double fraction) {
        return String.format(Locale.US, "%.2f%%", fraction * 100);
    }

    /** A throwable's message, or its type when it has none, with the cause's message when that adds something. */
    public static String describe(Throwable error) {
        String message = error.getMessage() != null && !error.getMessage().isBlank() ? error.getMessage()
                : error.getClass().getSimpleName();
        Throwable cause = error.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}
