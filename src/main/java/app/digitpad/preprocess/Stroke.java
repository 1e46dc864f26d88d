package app.digitpad.preprocess;

import java.util.List;

/** One pen-down-to-pen-up trace: an immutable polyline, safe to hand to another thread. */
public record Stroke(List<Point> points) {
    public Stroke {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke has at least one point");
        }
        points = List.copyOf(points);
    }
}
