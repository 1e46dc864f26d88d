package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writers differ in the direction they draw a stroke and the order they draw strokes in: a left-hander
 * may draw a 7's bar from the right, another writer a 0 clockwise or a 4's stem before its arm. The
 * picture does not show it; the pen's path does. The stroke reader learns from some drawings changed
 * this way, so that a writer who draws the other way is not read as drawing another digit.
 */
public final class StrokeDirections {
    private StrokeDirections() {}

    /** Each stroke drawn backwards with probability {@code reverseEach}; the strokes' order reversed with {@code reverseOrder}. */
    public static List<Stroke> vary(List<Stroke> strokes, double reverseEach, double reverseOrder, SplittableRandom random) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            out.add(random.nextDouble() < reverseEach ? backwards(stroke) : stroke);
        }
        if (out.size() > 1 && random.nextDouble() < reverseOrder) {
            Collections.reverse(out);
        }
        return List.copyOf(out);
    }

    /** Every stroke drawn backwards and the strokes in reverse order: the same picture, drawn the other way round. */
    public static List<Stroke> reversed(List<Stroke> strokes) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            out.add(backwards(stroke));
        }
        Collections.reverse(out);
        return List.copyOf(out);
    }

    static Stroke backwards(Stroke stroke) {
        List<Point> points = new ArrayList<>(stroke.points());
        Collections.reverse(points);
        return new Stroke(points);
    }
}
