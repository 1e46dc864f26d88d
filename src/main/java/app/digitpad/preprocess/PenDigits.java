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
 * Reads pen digits: JSON lines {@code {"id", "writer", "label", "strokes": [[[x, y], ...], ...]}},
 * gzipped when the file name ends in {@code .gz}. Points stay in the tablet's units, y down;
 * {@link PenDigitPlacer} puts them on the pad.
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
                digits.add(new PenDigit(json.get("id").getAsString(),
                        json.has("writer") ? json.get("writer").getAsString() : "",
                        json.get("label").getAsInt(), strokes));
            } catch (RuntimeException e) {
                throw new IOException(source + " line " + number + " is not a pen digit: " + e.getMessage(), e);
            }
        }
        return digits;
    }
}
