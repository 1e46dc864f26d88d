package app.digitpad.ml.train;

/** The run was cancelled between two batches; no model is returned. */
public class TrainingCancelledException extends Exception {
    public TrainingCancelledException(int epoch, int batch) {
        super("Training cancelled at epoch " + epoch + ", batch " + batch + ".");
    }
}
