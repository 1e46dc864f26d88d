package app.digitpad.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws pen strokes straight into a small grey-level grid: each stroke is the pad's smoothed curve
 * (quadratics through the midpoints of its segments, as the pad draws it on screen),
 * swept by a round pen of the given width. A pixel's ink is the share of it the pen covers,
 * approximated from the distance of its centre to the curve (a one-pixel linear edge), and
 * overlapping strokes do not add up, as ink on paper does not. Pure functions.
 */
public final class StrokeRasterizer {
    /** Curves are flattened until no piece strays further than this from the curve (grid pixels). */
    public static final double TOLERANCE = 0.05;

    private StrokeRasterizer() {}

    /**
     * Flattens the smoothed strokes into polylines, each as interleaved x, y coordinates in the
     * strokes' own units, no piece further than {@code tolerance} from the curve. A one-point
     * stroke stays one point (drawn as a dot).
     */
    public static List<double[]> flatten(List<Stroke> strokes, double tolerance) {
        List<double[]> lines = new ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            List<Point> p = stroke.points();
            Polyline line = new Polyline(p.size() * 2);
            line.add(p.get(0).x(), p.get(0).y());
            double fromX = p.get(0).x();
            double fromY = p.get(0).y();
            for (int i = 1; i < p.size() - 1; i++) {
                double cx = p.get(i).x();
                double cy = p.get(i).y();
                double toX = (cx + p.get(i + 1).x()) / 2;
                double toY = (cy + p.get(i + 1).y()) / 2;
                // a quadratic's distance from its chord is at most a quarter of |from - 2c + to|,
                // and n pieces cut it by n squared
                double bend = Math.hypot(fromX - 2 * cx + toX, fromY - 2 * cy + toY) / 4;
                int pieces = Math.max(1, (int) Math.ceil(Math.sqrt(bend / tolerance)));
                for (int k = 1; k <= pieces; k++) {
                    double t = k / (double) pieces;
                    double a = (1 - t) * (1 - t);
                    double b = 2 * t * (1 - t);
                    double c = t * t;
                    line.add(a * fromX + b * cx + c * toX, a * fromY + b * cy + c * toY);
                }
                fromX = toX;
                fromY = toY;
            }
            if (p.size() > 1) {
                Point last = p.get(p.size() - 1);
                line.add(last.x(), last.y());
            }
            lines.add(line.toArray());
        }
        return lines;
    }

    /**
     * Draws polylines (grid pixels; pixel centres at index + 0.5) into {@code grid} of
     * {@code side} x {@code side}, keeping the larger of the ink already there and the new ink.
     */
    public static void draw(List<double[]> lines, double width, double offsetX, double offsetY, float[] grid, int side) {
        double radius = width / 2;
        for (double[] line : lines) {
            if (line.length == 2) {
                segment(line[0] + offsetX, line[1] + offsetY, line[0] + offsetX, line[1] + offsetY, radius, grid, side);
            }
            for (int i = 2; i + 1 < line.length; i += 2) {
                segment(line[i - 2] + offsetX, line[i - 1] + offsetY, line[i] + offsetX, line[i + 1] + offsetY, radius,
                        grid, side);
            }
        }
    }

    private static void segment(double ax, double ay, double bx, double by, double radius, float[] grid, int side) {
        double reach = radius + 0.5;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int x1 = Math.min(side - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int y1 = Math.min(side - 1, (int) Math.ceil(Math.max(ay, by) + reach));
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5;
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5;
                double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
                t = Math.max(0, Math.min(1, t));
                double ex = px - (ax + t * dx);
                double ey = py - (ay + t * dy);
                double distance = Math.sqrt(ex * ex + ey * ey);
                float ink = (float) Math.max(0, Math.min(1, reach - distance));
                int index = y * side + x;
                if (ink > grid[index]) {
                    grid[index] = ink;
                }
            }
        }
    }

    /** A growable array of interleaved coordinates. */
    private static final class Polyline {
        private double[] xy;
        private int size;

        Polyline(int capacity) {
            xy = new double[Math.max(4, capacity)];
        }

        void add(double x, double y) {
            if (size + 2 > xy.length) {
                xy = java.util.Arrays.copyOf(xy, xy.length * 2);
            }
            xy[size++] = x;
            xy[size++] = y;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(xy, size);
        }
    }
}
