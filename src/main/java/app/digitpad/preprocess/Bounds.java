package app.digitpad.preprocess;

import java.util.List;

/** The bounding box of a drawing's points. */
public record Bounds(double minX, double minY, double maxX, double maxY) {
    /** @throws IllegalArgumentException for a drawing without points */
    public static Bounds of(List<Stroke> strokes) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Stroke stroke : strokes) {
            for (Point p : stroke.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        if (maxX < minX) {
            throw new IllegalArgumentException("a drawing without points has no bounds");
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    /** The larger of width and height. */
    public double extent() {
        return Math.max(maxX - minX, maxY - minY);
    }

    public double midX() {
        return (minX + maxX) / 2;
    }

    public double midY() {
        return (minY + maxY) / 2;
    }
}
