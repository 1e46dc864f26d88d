package app.digitpad.preprocess;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The strokes on the pad, as data, so the drawing can be redrawn at any size, undone, saved and
 * replayed. Mutable and confined to one thread; {@link #strokes()} gives an immutable snapshot for
 * other threads. JSON form: {@code {"strokes": [[[x, y], ...], ...]}}, as in the pen-digit files.
 */
public final class Drawing {
    /** Coordinates beyond this are not pen positions (tablets count in tens of thousands at most). */
    static final double MAX_COORDINATE = 1e7;

    private final List<Stroke> done = new ArrayList<>();
    private List<Point> current;

    public void beginStroke(double x, double y) {
        endStroke();
        current = new ArrayList<>();
        current.add(new Point(x, y));
    }

    /** Adds a point to the stroke being drawn (starting one if none is). */
    public void addPoint(double x, double y) {
        if (current == null) {
            beginStroke(x, y);
            return;
        }
        Point last = current.get(current.size() - 1);
        if (last.x() != x || last.y() != y) {
            current.add(new Point(x, y));
        }
    }

    public void endStroke() {
        if (current != null) {
            done.add(new Stroke(current));
            current = null;
        }
    }

    public void add(Stroke stroke) {
        endStroke();
        done.add(stroke);
    }

    /** Removes the most recent stroke, finished or not. */
    public void undo() {
        if (current != null) {
            current = null;
        } else if (!done.isEmpty()) {
            done.remove(done.size() - 1);
        }
    }

    public void clear() {
        done.clear();
        current = null;
    }

    public boolean isEmpty() {
        return done.isEmpty() && current == null;
    }

    /** All strokes including the one being drawn. */
    public List<Stroke> strokes() {
        if (current == null) {
            return List.copyOf(done);
        }
        List<Stroke> all = new ArrayList<>(done);
        all.add(new Stroke(current));
        return List.copyOf(all);
    }

    public String toJson() {
        return toJson(strokes());
    }

    public static String toJson(List<Stroke> strokes) {
        JsonArray all = new JsonArray();
        for (Stroke stroke : strokes) {
            JsonArray points = new JsonArray();
            for (Point p : stroke.points()) {
                JsonArray xy = new JsonArray();
                xy.add(p.x());
                xy.add(p.y());
                points.add(xy);
            }
            all.add(points);
        }
        JsonObject json = new JsonObject();
        json.add("strokes", all);
        return json.toString();
    }

    /** Parses the JSON form; throws IllegalArgumentException with the reason when it is not one. */
    public static Drawing fromJson(String json) {
        try {
            Drawing drawing = new Drawing();
            for (Stroke stroke : parseStrokes(JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("strokes"))) {
                drawing.add(stroke);
            }
            return drawing;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a drawing: " + e.getMessage(), e);
        }
    }

    static List<Stroke> parseStrokes(JsonArray strokes) {
        List<Stroke> result = new ArrayList<>();
        for (JsonElement stroke : strokes) {
            List<Point> points = new ArrayList<>();
            for (JsonElement point : stroke.getAsJsonArray()) {
                JsonArray xy = point.getAsJsonArray();
                double x = xy.get(0).getAsDouble();
                double y = xy.get(1).getAsDouble();
                if (!Double.isFinite(x) || !Double.isFinite(y) || Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
                    throw new IllegalArgumentException("point " + xy + " is not a finite coordinate pair within "
                            + MAX_COORDINATE);
                }
                points.add(new Point(x, y));
            }
            if (!points.isEmpty()) {
                result.add(new Stroke(points));
            }
        }
        return result;
    }
}
