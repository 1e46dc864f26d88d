package app.digitpad.ml.train;

/** The run was cancelled between two batches (of training or of the test pass); no model is returned. */
public class TrainingCancelledException extends Exception {
    public TrainingCancelledException(int epoch, int batch) {
        this("Training cancelled at epoch " + epoch + ", batch " + batch + ".");
    }

    private TrainingCancelledException(String message) {
        super(message);
    }

    static TrainingCancelledException duringTest(int epoch) {
        return new TrainingCancelledException("Training cancelled at epoch " + epoch + ", during the test evaluation.");
    }
}
