package app.digitpad.preprocess;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.FilterInputStream;
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

    /** Beyond this a line is no pen digit: the longest line in the pen data has 7.7 KB. */
    static final int MAX_LINE_BYTES = 1 << 20;

    public static List<PenDigit> read(InputStream in, String source) throws IOException {
        List<PenDigit> digits = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(new LineLimit(in, source), StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonElement root = JsonParser.parseString(line);
                if (!root.isJsonObject()) {
                    throw new IllegalArgumentException("it is not a JSON object");
                }
                JsonObject json = root.getAsJsonObject();
                var strokes = Drawing.parseStrokes(json.get("strokes"));
                if (strokes.isEmpty()) {
                    throw new IllegalArgumentException("it has no strokes");
                }
                int label = json.get("label").getAsInt();
                if (label < -1 || label > 9) { // -1: not a digit (../shared/nondigits)
                    throw new IllegalArgumentException("its label " + label + " is not -1 (not a digit) or 0-9");
                }
                digits.add(new PenDigit(json.get("id").getAsString(),
                        json.has("writer") ? json.get("writer").getAsString() : "", label, strokes));
            } catch (RuntimeException e) {
                throw new IOException(source + " line " + number + " is not a pen sample: " + Drawing.firstLine(e.getMessage()), e);
            }
        }
        return digits;
    }

    /** Fails a line longer than {@link #MAX_LINE_BYTES} before the reader holds it in memory. */
    private static final class LineLimit extends FilterInputStream {
        private final String source;
        private int line = 1;
        private int length;

        LineLimit(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n = super.read(buffer, offset, count);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(int b) throws IOException {
            if (b == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_LINE_BYTES) {
                throw new IOException(source + " line " + line + " is longer than " + (MAX_LINE_BYTES >> 20) + " MB: not a pen digit");
            }
        }
    }
}
