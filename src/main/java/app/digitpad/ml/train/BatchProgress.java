package app.digitpad.ml.train;

/**
 * One training step, as reported to listeners. {@code epoch} and {@code batch} are 1-based;
 * {@code fraction} is the share of the whole run done, {@code etaMillis} the estimated time left.
 */
public record BatchProgress(
        int epoch,
        int epochs,
        int batch,
        int batchesPerEpoch,
        float loss,
        float accuracy,
        float learningRate,
        double imagesPerSecond,
        long elapsedMillis,
        long etaMillis) {

    public double fraction() {
        return ((epoch - 1) * (double) batchesPerEpoch + batch) / ((double) epochs * batchesPerEpoch);
    }

    /** Global step index (1-based) across epochs, for charting. */
    public long step() {
        return (long) (epoch - 1) * batchesPerEpoch + batch;
    }
}
