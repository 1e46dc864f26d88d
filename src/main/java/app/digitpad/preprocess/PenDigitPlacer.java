package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a pen digit on the pad the way a user would draw it there, so that benchmarks can render it
 * with the pad's own brush at the pad's own resolution: uniform scale (the tablet's aspect ratio is
 * kept as recorded), larger extent spanning {@link #DRAWN_EXTENT} of the pad side, centred.
 */
public final class PenDigitPlacer {
    /** Share of the pad side the digit's larger extent spans: about how big people draw on the pad. */
    public static final double DRAWN_EXTENT = 0.7;

    private PenDigitPlacer() {}

    public static List<Stroke> place(List<Stroke> strokes, int padSize) {
        return place(strokes, padSize, DRAWN_EXTENT);
    }

    /** As {@link #place(List, int)}, with the digit's larger extent spanning {@code extent} of the pad side. */
    public static List<Stroke> place(List<Stroke> strokes, int padSize, double extent) {
        Bounds bounds = Bounds.of(strokes);
        // a digit that is a single point has no extent: it becomes a dot in the middle
        double size = Math.max(bounds.extent(), 1e-9);
        double scale = extent * padSize / size;
        double offsetX = padSize / 2.0 - bounds.midX() * scale;
        double offsetY = padSize / 2.0 - bounds.midY() * scale;
        List<Stroke> placed = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            List<Point> points = new ArrayList<>(stroke.points().size());
            for (Point p : stroke.points()) {
                points.add(new Point(p.x() * scale + offsetX, p.y() * scale + offsetY));
            }
            placed.add(new Stroke(points));
        }
        return List.copyOf(placed);
    }
}
