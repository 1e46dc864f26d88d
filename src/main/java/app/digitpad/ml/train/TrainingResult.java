package app.digitpad.ml.train;

import app.digitpad.ml.model.DigitClassifier;
import java.util.List;

/** A finished run: the trained model (owned by the caller, who closes it) and its per-epoch figures. */
public record TrainingResult(DigitClassifier classifier, List<EpochResult> epochs, long trainingMillis)
        implements AutoCloseable {
    public EpochResult lastEpoch() {
        return epochs.get(epochs.size() - 1);
    }

    @Override
    public void close() {
        classifier.close();
    }
}
