package app.digitpad.ui.train;

import app.digitpad.ml.model.CurvePoint;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.LossCurve;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The running (or last) run's progress as chart lines: each coalesced update from the training
 * thread extends them. The per-batch lines are smoothed and thinned exactly as the {@link CurveRecorder}
 * that stores them with the model does, so a run looks the same live and later in the history.
 * For the UI thread; no toolkit needed.
 */
public final class LiveCurves {
    private final ObservableList<CurvePoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> testLoss = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<CurvePoint> testAccuracy = FXCollections.observableArrayList();
    // Read-only views, made once: an unmodifiable list listens to its source only weakly.
    private final ObservableList<CurvePoint> trainLossView = FXCollections.unmodifiableObservableList(trainLoss);
    private final ObservableList<CurvePoint> testLossView = FXCollections.unmodifiableObservableList(testLoss);
    private final ObservableList<CurvePoint> trainAccuracyView = FXCollections.unmodifiableObservableList(trainAccuracy);
    private final ObservableList<CurvePoint> testAccuracyView = FXCollections.unmodifiableObservableList(testAccuracy);
    private final ReadOnlyObjectWrapper<BatchProgress> lastBatch = new ReadOnlyObjectWrapper<>(this, "lastBatch");
    private LossCurve lossCurve = newCurve();
    private LossCurve accuracyCurve = newCurve();
    private EpochResult lastEpoch;
    private int epochs = 1;

    private static LossCurve newCurve() {
        return new LossCurve(CurveRecorder.MAX_POINTS, CurveRecorder.SMOOTHING);
    }

    /** Empties every line for a new run of {@code epochs} epochs. */
    public void clear(int epochs) {
        this.epochs = epochs;
        lossCurve = newCurve();
        accuracyCurve = newCurve();
        lastEpoch = null;
        lastBatch.set(null);
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
    }

    public void apply(TrainingProgressBuffer.Update update) {
        if (!update.losses().isEmpty()) {
            List<CurvePoint> losses = new ArrayList<>(update.losses().size());
            List<CurvePoint> accuracies = new ArrayList<>(update.losses().size());
            for (TrainingProgressBuffer.LossPoint point : update.losses()) {
                losses.add(new CurvePoint(point.epoch(), point.loss()));
                accuracies.add(new CurvePoint(point.epoch(), point.accuracy() * 100.0));
            }
            extend(trainLoss, lossCurve.addAll(losses));
            // per batch, so even a one-epoch run shows the network learning
            extend(trainAccuracy, accuracyCurve.addAll(accuracies));
        }
        for (EpochResult epoch : update.epochs()) {
            testAccuracy.add(new CurvePoint(epoch.epoch(), epoch.testAccuracy() * 100));
            testLoss.add(new CurvePoint(epoch.epoch(), epoch.testLoss()));
            lastEpoch = epoch;
        }
        if (update.latest() != null) {
            lastBatch.set(update.latest());
        }
    }

    private static void extend(ObservableList<CurvePoint> line, LossCurve.Change change) {
        if (change.reset()) {
            line.setAll(change.points());
        } else if (!change.points().isEmpty()) {
            line.addAll(change.points());
        }
    }

    /** The lines as one set for the charts; they keep growing with the run. */
    public CurveSet asSet(String name) {
        return new CurveSet(name, epochs, trainLossView, testLossView, trainAccuracyView, testAccuracyView);
    }

    /** The newest epoch's figures; null before the first epoch ends. */
    public EpochResult lastEpoch() {
        return lastEpoch;
    }

    public ReadOnlyObjectProperty<BatchProgress> lastBatchProperty() {
        return lastBatch.getReadOnlyProperty();
    }

    public ObservableList<CurvePoint> trainLoss() {
        return trainLossView;
    }

    public ObservableList<CurvePoint> testLoss() {
        return testLossView;
    }

    public ObservableList<CurvePoint> trainAccuracy() {
        return trainAccuracyView;
    }

    public ObservableList<CurvePoint> testAccuracy() {
        return testAccuracyView;
    }

    public int epochs() {
        return epochs;
    }
}
