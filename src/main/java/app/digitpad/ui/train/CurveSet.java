package app.digitpad.ui.train;

import app.digitpad.ml.model.CurvePoint;
import app.digitpad.ml.model.TrainingLog;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The four curves of one run as the charts show them: smoothed training loss and accuracy per
 * batch, test loss and accuracy per epoch; x in epochs, accuracy in percent. The live run's lists
 * grow while it trains; a stored run's are fixed.
 *
 * @param epochs the run's length, for the x axis
 */
public record CurveSet(String name, int epochs, ObservableList<CurvePoint> trainLoss, ObservableList<CurvePoint> testLoss,
        ObservableList<CurvePoint> trainAccuracy, ObservableList<CurvePoint> testAccuracy) {

    /** The curves stored with a run; empty if it was saved without them. */
    public static Optional<CurveSet> of(RunRecord run) {
        return run.log().map(log -> stored(run.label(), run.metadata().epochs(), log));
    }

    static CurveSet stored(String name, int epochs, TrainingLog log) {
        return new CurveSet(name, epochs, fixed(log.trainLoss(), 1), fixed(log.testLoss(), 1),
                fixed(log.trainAccuracy(), 100), fixed(log.testAccuracy(), 100));
    }

    private static ObservableList<CurvePoint> fixed(List<CurvePoint> points, double scale) {
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                points.stream().map(p -> new CurvePoint(p.x(), p.y() * scale)).toList()));
    }

    /** The newest value of a line, NaN while it is empty. */
    static double last(List<CurvePoint> line) {
        return line.isEmpty() ? Double.NaN : line.get(line.size() - 1).y();
    }
}
