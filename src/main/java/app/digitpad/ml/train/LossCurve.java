package app.digitpad.ml.train;

import app.digitpad.ml.model.CurvePoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A per-batch training line (loss or accuracy): each batch's value smoothed by a bias-corrected
 * exponential moving average, then averaged over buckets of consecutive batches so the line never
 * holds more than {@code maxPoints} points, however long the run. Buckets start at one batch; whenever the line
 * would exceed the limit, neighbouring points are merged pairwise and the bucket size doubles, so
 * every point always stands for the same number of batches. Plain Java, for one thread at a time.
 */
public final class LossCurve {
    /** What changed in the line: points appended to its end, or the whole line replaced. */
    public record Change(boolean reset, List<CurvePoint> points) {}

    private final int maxPoints;
    private final double beta;
    private final List<CurvePoint> points = new ArrayList<>();
    private double ema;
    private long count;
    private int bucketSize = 1;
    private int bucketFill;
    private double bucketX;
    private double bucketY;

    /**
     * @param maxPoints at most this many points are kept (at least 2, even)
     * @param beta smoothing: weight of the past in the moving average, in [0, 1)
     */
    public LossCurve(int maxPoints, double beta) {
        if (maxPoints < 2 || maxPoints % 2 != 0) {
            throw new IllegalArgumentException("maxPoints must be even and at least 2, not " + maxPoints);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), not " + beta);
        }
        this.maxPoints = maxPoints;
        this.beta = beta;
    }

    /** Adds one batch's loss at {@code x}; returns what changed in the line (possibly nothing). */
    public Change add(double x, double loss) {
        return addAll(List.of(new CurvePoint(x, loss)));
    }

    /** Adds batch losses in order ({@code y} is the raw loss); returns what changed in the line. */
    public Change addAll(List<CurvePoint> batches) {
        int before = points.size();
        boolean reset = false;
        for (CurvePoint batch : batches) {
            count++;
            ema = beta * ema + (1 - beta) * batch.y();
            double smoothed = ema / (1 - Math.pow(beta, count));
            bucketX += batch.x();
            bucketY += smoothed;
            if (++bucketFill == bucketSize) {
                points.add(new CurvePoint(bucketX / bucketSize, bucketY / bucketSize));
                bucketFill = 0;
                bucketX = 0;
                bucketY = 0;
                if (points.size() > maxPoints) {
                    halve();
                    reset = true;
                }
            }
        }
        if (reset) {
            return new Change(true, List.copyOf(points));
        }
        return new Change(false, List.copyOf(points.subList(before, points.size())));
    }

    private void halve() {
        List<CurvePoint> merged = new ArrayList<>(points.size() / 2 + 1);
        int pairs = points.size() / 2;
        for (int i = 0; i < pairs; i++) {
            CurvePoint a = points.get(2 * i);
            CurvePoint b = points.get(2 * i + 1);
            merged.add(new CurvePoint((a.x() + b.x()) / 2, (a.y() + b.y()) / 2));
        }
        // An odd last point becomes the start of the next, twice as large, bucket.
        if (points.size() % 2 == 1) {
            CurvePoint last = points.get(points.size() - 1);
            bucketX = last.x() * bucketSize;
            bucketY = last.y() * bucketSize;
            bucketFill = bucketSize;
        }
        bucketSize *= 2;
        points.clear();
        points.addAll(merged);
    }

    /** The smoothed loss after the newest batch (NaN before the first). */
    public double latest() {
        return count == 0 ? Double.NaN : ema / (1 - Math.pow(beta, count));
    }

    /** Batches each point stands for. */
    public int bucketSize() {
        return bucketSize;
    }

    public List<CurvePoint> points() {
        return Collections.unmodifiableList(points);
    }

    public long batches() {
        return count;
    }
}
