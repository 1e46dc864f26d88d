package app.digitpad.ml.train;

/** Figures at the end of one epoch; accuracies are fractions in [0, 1]. */
public record EpochResult(
        int epoch,
        int epochs,
        float trainLoss,
        float trainAccuracy,
        float testLoss,
        float testAccuracy,
        double imagesPerSecond,
        long elapsedMillis) {}
