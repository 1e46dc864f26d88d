package app.digitpad.preprocess;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The strokes on the pad, as data, so the drawing can be redrawn at any size, undone, saved and
 * replayed. Mutable and confined to one thread; {@link #strokes()} gives an immutable snapshot for
 * other threads. JSON form: {@code {"strokes": [[[x, y], ...], ...]}}, as in the pen-digit files.
 */
public final class Drawing {

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

    /** Parses the JSON form; throws IllegalArgumentException with the reason, in one line, when it is not one. */
    public static Drawing fromJson(String json) {
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            Drawing drawing = new Drawing();
            for (Stroke stroke : parseStrokes(root.getAsJsonObject().get("strokes"))) {
                drawing.add(stroke);
            }
            return drawing;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a drawing: " + firstLine(e.getMessage()), e);
        }
    }

    /** Beyond this a coordinate is no pen position: the pad is 280 units wide, the pen tablets' data reach about 13,000. */
    static final double MAX_COORDINATE = 1e7;
    /** Beyond this it is no single drawing: the longest pen-written sample has 864 points. */
    static final int MAX_POINTS = 10_000;

    /** {@code [[[x, y], ...], ...]}; a stroke without points is dropped. */
    static List<Stroke> parseStrokes(JsonElement strokes) {
        if (strokes == null || !strokes.isJsonArray()) {
            throw new IllegalArgumentException("it has no \"strokes\" list");
        }
        List<Stroke> result = new ArrayList<>();
        int total = 0;
        JsonArray all = strokes.getAsJsonArray();
        for (int s = 0; s < all.size(); s++) {
            if (!all.get(s).isJsonArray()) {
                throw new IllegalArgumentException("stroke " + (s + 1) + " is not a list of points");
            }
            List<Point> points = new ArrayList<>();
            for (JsonElement point : all.get(s).getAsJsonArray()) {
                if (++total > MAX_POINTS) {
                    throw new IllegalArgumentException("it has more than " + MAX_POINTS + " points");
                }
                points.add(point(point, s + 1, points.size() + 1));
            }
            if (!points.isEmpty()) {
                result.add(new Stroke(points));
            }
        }
        return result;
    }

    private static Point point(JsonElement point, int stroke, int index) {
        if (point.isJsonArray() && point.getAsJsonArray().size() == 2) {
            double x = coordinate(point.getAsJsonArray().get(0));
            double y = coordinate(point.getAsJsonArray().get(1));
            if (Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE) { // false for NaN too
                return new Point(x, y);
            }
        }
        throw new IllegalArgumentException("stroke " + stroke + " point " + index + " is not [x, y] with numbers within ±"
                + String.format(Locale.ROOT, "%,.0f", MAX_COORDINATE));
    }

    private static double coordinate(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsDouble() : Double.NaN;
    }

    /** Gson's messages add a second line with a link; ours are one line. */
    static String firstLine(String message) {
        return message == null ? "no details" : message.strip().lines().findFirst().orElse("");
    }
}
