package app.digitpad.ui.train;

import app.digitpad.ml.model.CurvePoint;
import java.util.List;

/**
 * Y ranges that keep the loss chart readable: a loss curve falls from about 2.3 to a few
 * hundredths, so a range fitted to all of it flattens everything after the first tenth of an
 * epoch. The range is instead fitted to the newest 85% of the run so far (the early descent runs
 * off the top), rounded up to a round number. Plain functions.
 */
final class ChartRanges {
    /** The share of the elapsed run, from its start, that the y range ignores. */
    static final double IGNORED_START = 0.15;
    /** Below this many points the whole curve is fitted. */
    static final int MIN_POINTS = 20;

    private ChartRanges() {}

    /** Upper bound of the loss axis (the lower one is 0); 1 when there is nothing to show. */
    static double lossUpperBound(List<CurvePoint> trainLoss, List<CurvePoint> testLoss) {
        double max = 0;
        if (!trainLoss.isEmpty()) {
            double lastX = trainLoss.get(trainLoss.size() - 1).x();
            double from = trainLoss.size() < MIN_POINTS ? Double.NEGATIVE_INFINITY : lastX * IGNORED_START;
            for (CurvePoint p : trainLoss) {
                if (p.x() >= from) {
                    max = Math.max(max, p.y());
                }
            }
        }
        for (CurvePoint p : testLoss) {
            max = Math.max(max, p.y());
        }
        return max > 0 && Double.isFinite(max) ? roundUp(max * 1.1) : 1;
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code value}. */
    static double roundUp(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= value * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** The smallest round tick unit (1, 2, 2.5, 5 times a power of ten) giving at most six intervals up to {@code upper}. */
    static double tickUnit(double upper) {
        double power = Math.pow(10, Math.floor(Math.log10(upper / 6)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (upper / (step * power) <= 6 + 1e-9) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /**
     * Lower bound of the accuracy axis, whose upper bound is 100%: the lowest point shown rounded
     * down to a multiple of 10, 0 with no points. (JavaFX's own auto range rounds up past 100%.)
     */
    static double accuracyLowerBound(List<CurvePoint> accuracy) {
        double min = 100;
        for (CurvePoint p : accuracy) {
            if (Double.isFinite(p.y())) {
                min = Math.min(min, p.y());
            }
        }
        return accuracy.isEmpty() ? 0 : Math.max(0, Math.min(90, Math.floor(min / 10) * 10));
    }
}
