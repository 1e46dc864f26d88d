package app.digitpad.ml.train;

import app.digitpad.ml.model.CurvePoint;
import app.digitpad.ml.model.TrainingLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run's curves as it trains, for the {@link TrainingLog} saved with the model: the
 * per-batch training loss and accuracy through the same {@link LossCurve} smoothing the Train
 * screen draws live, so a stored run looks as it did on screen, and the test figures of each epoch.
 */
public final class CurveRecorder implements TrainingListener {
    /** A per-batch line keeps at most this many points, however long the run. */
    public static final int MAX_POINTS = 500;
    /** Weight of the past in the smoothed per-batch lines (about a 20-batch window). */
    public static final double SMOOTHING = 0.95;

    private final LossCurve trainLoss = new LossCurve(MAX_POINTS, SMOOTHING);
    private final LossCurve trainAccuracy = new LossCurve(MAX_POINTS, SMOOTHING);
    private final List<CurvePoint> testLoss = new ArrayList<>();
    private final List<CurvePoint> testAccuracy = new ArrayList<>();
    private TrainingConfig config;

    @Override
    public synchronized void onStart(TrainingConfig config, int trainImages, int testImages) {
        this.config = config;
    }

    @Override
    public synchronized void onBatch(BatchProgress progress) {
        double x = progress.step() / (double) progress.batchesPerEpoch();
        trainLoss.add(x, progress.loss());
        trainAccuracy.add(x, progress.accuracy());
    }

    @Override
    public synchronized void onEpoch(EpochResult result) {
        testLoss.add(new CurvePoint(result.epoch(), result.testLoss()));
        testAccuracy.add(new CurvePoint(result.epoch(), result.testAccuracy()));
    }

    /** The log of the run so far; throws IllegalStateException if it never started. */
    public synchronized TrainingLog log() {
        if (config == null) {
            throw new IllegalStateException("the run has not started");
        }
        return new TrainingLog(config.batchSize(), config.learningRate(), config.schedule().id(), config.seed(),
                trainLoss.points(), trainAccuracy.points(), testLoss, testAccuracy);
    }
}
