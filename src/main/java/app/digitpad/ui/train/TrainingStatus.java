package app.digitpad.ui.train;

import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Durations;
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

    /** A finished run whose model did not replace the more accurate live one. */
    public static String doneKept(ModelMetadata metadata, String fileName, ModelMetadata live) {
        return String.format(Locale.US, "Done: %.2f%% test accuracy in %s · saved as %s · the live model (%.2f%%) was kept",
                metadata.testAccuracy() * 100, Durations.format(metadata.trainingMillis()), fileName, live.testAccuracy() * 100);
    }

    /** Both models' figures, for the question whether a less accurate new model should go live. */
    public static String comparison(ModelMetadata trained, String fileName, ModelMetadata live, String liveSource) {
        return String.format(Locale.US, "New model: %.2f%% test accuracy (on %,d test images)%n    %s%n"
                + "Live model: %.2f%% test accuracy (on %,d test images)%n    %s, %s%n%n"
                + "The new model is saved either way: you can make it live later from the run history.",
                trained.testAccuracy() * 100, trained.testImages(), fileName, live.testAccuracy() * 100, live.testImages(),
                live.name(), liveSource);
    }

    public static String cancelled(String reason) {
        return reason + " Nothing was saved; the live model is unchanged.";
    }

    public static String failed(String message) {
        return "Training failed: " + message;
    }

    /**
     * The loss read-out: the newest points of the lines it labels, the smoothed training loss and
     * the test loss; NaN for a line with no point yet.
     */
    public static String losses(double trainLoss, double testLoss) {
        return "train " + format("%.4f", trainLoss) + " · test " + format("%.4f", testLoss);
    }

    /** The accuracy read-out, in percent, from the newest points of the smoothed training line and the test line. */
    public static String accuracies(double trainPercent, double testPercent) {
        return "train " + format("%.2f%%", trainPercent) + " · test " + format("%.2f%%", testPercent);
    }

    private static String format(String pattern, double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.US, pattern, value);
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
