package app.digitpad.ml.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a model was trained, beyond what {@link ModelMetadata} says: the run's remaining settings and
 * its curves (smoothed per-batch training loss and accuracy, test loss and accuracy per epoch; x in
 * epochs, accuracies as fractions). Kept in the model file so the run history can show and compare
 * runs later; files saved before it existed have none.
 */
public record TrainingLog(
        int batchSize,
        float learningRate,
        String schedule,
        long seed,
        List<CurvePoint> trainLoss,
        List<CurvePoint> trainAccuracy,
        List<CurvePoint> testLoss,
        List<CurvePoint> testAccuracy) {

    static final int FORMAT_VERSION = 1;

    public TrainingLog {
        trainLoss = List.copyOf(trainLoss);
        trainAccuracy = List.copyOf(trainAccuracy);
        testLoss = List.copyOf(testLoss);
        testAccuracy = List.copyOf(testAccuracy);
    }

    String toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("formatVersion", FORMAT_VERSION);
        json.addProperty("batchSize", batchSize);
        json.addProperty("learningRate", learningRate);
        json.addProperty("schedule", schedule);
        json.addProperty("seed", seed);
        JsonObject curves = new JsonObject();
        curves.add("trainLoss", points(trainLoss));
        curves.add("trainAccuracy", points(trainAccuracy));
        curves.add("testLoss", points(testLoss));
        curves.add("testAccuracy", points(testAccuracy));
        json.add("curves", curves);
        return json.toString();
    }

    /** Parses what {@link #toJson()} wrote; throws IllegalArgumentException (with the reason) on anything else. */
    static TrainingLog fromJson(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            int version = json.get("formatVersion").getAsInt();
            if (version > FORMAT_VERSION) {
                throw new IllegalArgumentException("training log format " + version + " is newer than this DigitPad's");
            }
            JsonObject curves = json.getAsJsonObject("curves");
            return new TrainingLog(json.get("batchSize").getAsInt(), json.get("learningRate").getAsFloat(),
                    json.get("schedule").getAsString(), json.get("seed").getAsLong(),
                    points(curves.getAsJsonArray("trainLoss")), points(curves.getAsJsonArray("trainAccuracy")),
                    points(curves.getAsJsonArray("testLoss")), points(curves.getAsJsonArray("testAccuracy")));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // Gson's parse errors, a missing field (NullPointerException), a wrong type
            throw new IllegalArgumentException("unreadable training log (" + e + ")", e);
        }
    }

    /** Flat [x0, y0, x1, y1, ...], rounded to what a chart can show, so a long run's log stays small. */
    private static JsonArray points(List<CurvePoint> points) {
        JsonArray array = new JsonArray(points.size() * 2);
        for (CurvePoint p : points) {
            array.add(round(p.x()));
            array.add(round(p.y()));
        }
        return array;
    }

    private static List<CurvePoint> points(JsonArray array) {
        if (array.size() % 2 != 0) {
            throw new IllegalArgumentException("a curve has an odd number of coordinates");
        }
        List<CurvePoint> points = new ArrayList<>(array.size() / 2);
        for (int i = 0; i < array.size(); i += 2) {
            points.add(new CurvePoint(array.get(i).getAsDouble(), array.get(i + 1).getAsDouble()));
        }
        return points;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Double.parseDouble(String.format(Locale.ROOT, "%.6g", value)) : value;
    }
}
