package app.digitpad.preprocess;

import java.util.List;

/**
 * The pen's path as the stroke reader sees it: the strokes in drawing order, scaled so the larger
 * side of their box spans [-1, 1] (size and position drop out, as in the 28x28 picture), and
 * resampled at {@link #POINTS} points evenly spaced along the path, pen-up jumps included. Each
 * point carries six channels: x, y, the direction of travel (two), whether the pen was lifted to
 * get there, and how sharply the path turns. A 1 whose flag rises into its top and a 7 whose bar
 * runs right are one picture but two paths, which is what this view is for. {@link #write} first
 * cuts off the curls a pen makes as it lands or lifts ({@link PenHooks}); {@link #writeAsDrawn}, for
 * readers that learnt with them, keeps them.
 */
public final class StrokePath {
    public static final int POINTS = 64;
    public static final int CHANNELS = 6;
    /** Floats per drawing: channel-major, {@link #CHANNELS} rows of {@link #POINTS}. */
    public static final int LENGTH = POINTS * CHANNELS;

    private StrokePath() {}

    /** @throws NoInkException for a drawing without a point */
    public static float[] of(List<Stroke> strokes) {
        float[] out = new float[LENGTH];
        write(strokes, out, 0);
        return out;
    }

    /** The path with the pen's hooks kept, as stroke readers before {@link PenHooks} read it. */
    public static float[] asDrawn(List<Stroke> strokes) {
        float[] out = new float[LENGTH];
        writeAsDrawn(strokes, out, 0);
        return out;
    }

    /** Writes the path of {@code strokes}, without the pen's {@link PenHooks hooks}, into {@code out} at {@code offset}. */
    public static void write(List<Stroke> strokes, float[] out, int offset) {
        writeAsDrawn(PenHooks.remove(strokes), out, offset);
    }

    /** Writes the path of {@code strokes}, hooks and all, into {@code out} at {@code offset}. */
    public static void writeAsDrawn(List<Stroke> strokes, float[] out, int offset) {
        if (strokes.isEmpty()) {
            throw new NoInkException("The drawing has no strokes.");
        }
        Bounds bounds = Bounds.of(strokes);
        double half = Math.max(bounds.extent() / 2, 1e-9);
        double midX = bounds.midX();
        double midY = bounds.midY();
        int count = 0;
        for (Stroke stroke : strokes) {
            count += stroke.points().size();
        }
        // the path's vertices, and for each segment ending at a vertex whether it is a pen-up jump
        double[] xs = new double[count];
        double[] ys = new double[count];
        boolean[] jump = new boolean[count];
        int n = 0;
        for (Stroke stroke : strokes) {
            boolean first = true;
            for (Point p : stroke.points()) {
                xs[n] = (p.x() - midX) / half;
                ys[n] = (p.y() - midY) / half;
                jump[n] = first && n > 0;
                first = false;
                n++;
            }
        }
        double[] cumulative = new double[count];
        for (int i = 1; i < count; i++) {
            cumulative[i] = cumulative[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
        }
        double total = cumulative[count - 1];
        int segment = 1;
        float previousDx = 0;
        float previousDy = 0;
        for (int k = 0; k < POINTS; k++) {
            double at = total * k / (POINTS - 1);
            // a lift counts even when it is shorter than the spacing of the points, or has no length
            boolean passedLift = false;
            while (segment < count - 1 && cumulative[segment] < at) {
                passedLift |= jump[segment];
                segment++;
            }
            float x;
            float y;
            float dx = 0;
            float dy = 0;
            boolean lifted = false;
            if (count == 1) {
                x = (float) xs[0];
                y = (float) ys[0];
            } else {
                double length = cumulative[segment] - cumulative[segment - 1];
                double f = length > 0 ? Math.min(1, Math.max(0, (at - cumulative[segment - 1]) / length)) : 0;
                x = (float) (xs[segment - 1] + (xs[segment] - xs[segment - 1]) * f);
                y = (float) (ys[segment - 1] + (ys[segment] - ys[segment - 1]) * f);
                if (length > 0) {
                    dx = (float) ((xs[segment] - xs[segment - 1]) / length);
                    dy = (float) ((ys[segment] - ys[segment - 1]) / length);
                }
                lifted = jump[segment] || passedLift;
            }
            out[offset + k] = x;
            out[offset + POINTS + k] = y;
            out[offset + 2 * POINTS + k] = dx;
            out[offset + 3 * POINTS + k] = dy;
            out[offset + 4 * POINTS + k] = lifted ? 1 : 0;
            out[offset + 5 * POINTS + k] = k == 0 ? 0 : dx * previousDy - dy * previousDx;
            previousDx = dx;
            previousDy = dy;
        }
    }
}
