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

/**
 * Reads pen samples: JSON lines {@code {"id", "writer", "label", "strokes": [[[x, y], ...], ...]}},
 * gzipped when the file name ends in {@code .gz}; label 0-9 for a digit, -1 for a non-digit. Points
 * stay in the tablet's units, y down; {@link PenDigitPlacer} puts them on the pad. A file with a bad
 * line is refused whole, with the file and line named, so nothing is used half-loaded.
 */
public final class PenDigits {
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
                var strokes = Drawing.parseStrokes(json.getAsJsonArray("strokes"));
                if (strokes.isEmpty()) {
                    throw new IllegalArgumentException("it has no strokes");
                }
                int label = json.get("label").getAsInt();
                if (label < PenDigit.NOT_A_DIGIT || label > 9) {
                    throw new IllegalArgumentException("label " + label + " is neither a digit 0-9 nor -1 (not a digit)");
                }
                digits.add(new PenDigit(json.get("id").getAsString(),
                        json.has("writer") ? json.get("writer").getAsString() : "", label, strokes));
            } catch (RuntimeException e) {
                throw new IOException(source + " line " + number + " is not a pen sample: " + e.getMessage(), e);
            }
        }
        return digits;
    }
}
