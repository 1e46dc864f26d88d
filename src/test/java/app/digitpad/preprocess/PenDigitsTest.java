package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenDigitsTest {
    @TempDir
    Path dir;

    static Path sampleFile() throws URISyntaxException {
        return Path.of(PenDigitsTest.class.getResource("/pendigits-sample.jsonl").toURI());
    }

    @Test
    void loadsTheSampleFileOneDigitOfEachKind() throws Exception {
        List<PenDigit> digits = PenDigits.load(sampleFile());
        assertEquals(10, digits.size());
        for (int d = 0; d < 10; d++) {
            assertEquals(d, digits.get(d).label(), "the sample file holds one digit of each kind, in order");
            assertTrue(digits.get(d).writer().startsWith("aga/"), digits.get(d).writer());
            assertTrue(!digits.get(d).strokes().isEmpty());
        }
        PenDigit zero = digits.get(0);
        assertEquals("data/1a/aga/annzchrl.dat#6", zero.id());
        assertEquals(new Point(170, 297), zero.strokes().get(0).points().get(0), "tablet units as stored, y down");
    }

    @Test
    void gzippedFilesAreReadLikeTheDevSet() throws Exception {
        Path gz = dir.resolve("sample.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(sampleFile()));
        }
        List<PenDigit> plain = PenDigits.load(sampleFile());
        List<PenDigit> zipped = PenDigits.load(gz);
        assertEquals(plain, zipped);
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"label\":1,\"strokes\":[[[0,0],[1,1]]]}\n\n{\"id\":\"b\",\"label\":2}\n");
        IOException e = assertThrows(IOException.class, () -> PenDigits.load(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void placingKeepsTheAspectRatioAndCentresTheLargerExtentAt70PercentOfThePad() throws Exception {
        List<PenDigit> digits = PenDigits.load(sampleFile());
        for (PenDigit digit : digits) {
            double[] before = extent(digit.strokes());
            List<Stroke> placed = PenDigitPlacer.place(digit.strokes(), 280);
            double[] after = extent(placed);
            double w = after[2] - after[0];
            double h = after[3] - after[1];
            assertEquals(0.7 * 280, Math.max(w, h), 1e-6, digit.id());
            assertEquals(140, (after[0] + after[2]) / 2, 1e-6, digit.id() + " centred across");
            assertEquals(140, (after[1] + after[3]) / 2, 1e-6, digit.id() + " centred down");
            assertEquals((before[2] - before[0]) / (before[3] - before[1]), w / h, 1e-9, digit.id() + " aspect kept");
        }
        List<Stroke> small = PenDigitPlacer.place(digits.get(1).strokes(), 280, 0.35);
        double[] box = extent(small);
        assertEquals(0.35 * 280, box[3] - box[1], 1e-6, "a 1 is taller than wide");
    }

    @Test
    void aSinglePointDigitBecomesADotInTheMiddle() {
        List<Stroke> placed = PenDigitPlacer.place(List.of(new Stroke(List.of(new Point(5, 7)))), 280);
        assertEquals(new Point(140, 140), placed.get(0).points().get(0));
    }

    /** {minX, minY, maxX, maxY} of the points. */
    static double[] extent(List<Stroke> strokes) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Stroke s : strokes) {
            for (Point p : s.points()) {
                box[0] = Math.min(box[0], p.x());
                box[1] = Math.min(box[1], p.y());
                box[2] = Math.max(box[2], p.x());
                box[3] = Math.max(box[3], p.y());
            }
        }
        return box;
    }
}
