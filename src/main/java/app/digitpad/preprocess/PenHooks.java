package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Removes hooks: the tiny curls and sharp turns back a pen makes as it lands or lifts, before or after
 * the stroke the writer meant (dehooking, a usual first step in reading online handwriting). They
 * are a few points long, but the stroke reader reads directions, and a curl at a stroke's start turns
 * its first directions around. A stroke's start is cut up to the last point, within {@link #WINDOW} of
 * the drawing's size along the stroke, from which the point where the pen landed lies ahead, the way
 * the stroke goes on over the next {@link #WINDOW} (less than 90 degrees off it): the pen ran back to
 * get there. So the stroke starts where it draws level with its landing point, or at the window's
 * end. Its end is cut the same way round. A short, steep flag at a stroke's start is cut too, which
 * the reader learns alike in training. The picture keeps its hooks: they are a pixel there.
 */
public final class PenHooks {
    /** The longest hook, as a share of the drawing's larger side, measured along the stroke. */
    public static final double WINDOW = 0.1;

    private PenHooks() {}

    /** The strokes without their hooks; strokes without one are the same objects. */
    public static List<Stroke> remove(List<Stroke> strokes) {
        if (strokes.isEmpty()) {
            return strokes;
        }
        double window = WINDOW * Bounds.of(strokes).extent();
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            out.add(remove(stroke, window));
        }
        return out;
    }

    static Stroke remove(Stroke stroke, double window) {
        List<Point> points = stroke.points();
        if (points.size() < 4 || !(window > 0)) {
            return stroke;
        }
        int start = hookEnd(points, window);
        int end = points.size() - 1 - hookEnd(reversed(points), window);
        // no hook, or all hook (a stroke this short and curled is left as drawn)
        if ((start == 0 && end == points.size() - 1) || end - start < 2) {
            return stroke;
        }
        return new Stroke(points.subList(start, end + 1));
    }

    /** The index {@code points} start at once the hook at their start is cut: 0 without one. */
    private static int hookEnd(List<Point> points, double window) {
        int n = points.size();
        double[] along = new double[n];
        for (int i = 1; i < n; i++) {
            along[i] = along[i - 1] + distance(points.get(i - 1), points.get(i));
        }
        int end = 0;
        Point first = points.get(0);
        int ahead = 1;
        for (int i = 1; i < n - 1 && along[i] <= window; i++) {
            ahead = Math.max(ahead, i + 1); // only moves on: along never falls
            while (ahead < n - 1 && along[ahead] < along[i] + window) {
                ahead++;
            }
            Point at = points.get(i);
            Point next = points.get(ahead);
            double backX = first.x() - at.x();
            double backY = first.y() - at.y();
            double onX = next.x() - at.x();
            double onY = next.y() - at.y();
            // the landing point lies ahead: "back to the start" and "on" are less than 90 degrees apart
            if ((backX != 0 || backY != 0) && (onX != 0 || onY != 0) && backX * onX + backY * onY > 0) {
                end = i;
            }
        }
        return end;
    }

    private static List<Point> reversed(List<Point> points) {
        List<Point> out = new ArrayList<>(points);
        Collections.reverse(out);
        return out;
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
}
