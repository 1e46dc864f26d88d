package app.digitpad.preprocess;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads pen digits (JSON lines, optionally gzipped) and places them on the pad as a user would draw them. */
public final class PenDigits {
    /** Share of the pad side the digit's larger extent spans: about how big people draw on the pad. */
    public static final double DRAWN_EXTENT = 0.7;

    private PenDigits() {}

    public static List<PenDigit> load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return read(in, file.toString());
        }
    }

    public static List<PenDigit> read(InputStream in, String source) throws IOException {
        List<PenDigit> digits = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                digits.add(new PenDigit(json.get("id").getAsString(),
                        json.has("writer") ? json.get("writer").getAsString() : "",
                        json.get("label").getAsInt(),
                        Drawing.parseStrokes(json.getAsJsonArray("strokes"))));
            } catch (RuntimeException e) {
                throw new IOException(source + " line " + number + " is not a pen digit: " + e.getMessage(), e);
            }
        }
        return digits;
    }

    /**
     * Scales and centres a digit's strokes on a square pad so its larger extent spans
     * {@link #DRAWN_EXTENT} of the side, keeping its aspect ratio.
     */
    public static List<Stroke> placeOnPad(List<Stroke> strokes, int padSize) {
        return placeOnPad(strokes, padSize, DRAWN_EXTENT);
    }

    /** As {@link #placeOnPad(List, int)}, with the digit spanning {@code extent} of the pad side. */
    public static List<Stroke> placeOnPad(List<Stroke> strokes, int padSize, double extent) {
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
        double size = Math.max(Math.max(maxX - minX, maxY - minY), 1e-9);
        double scale = extent * padSize / size;
        double offsetX = padSize / 2.0 - (minX + maxX) / 2 * scale;
        double offsetY = padSize / 2.0 - (minY + maxY) / 2 * scale;
        List<Stroke> placed = new ArrayList<>();
        for (Stroke stroke : strokes) {
            List<Point> points = new ArrayList<>();
            for (Point p : stroke.points()) {
                points.add(new Point(p.x() * scale + offsetX, p.y() * scale + offsetY));
            }
            placed.add(new Stroke(points));
        }
        return placed;
    }
}
