package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistPreprocessorTest {
    private static final int PAD = MnistPreprocessor.PAD_SIZE;

    static List<PenDigit> samples() throws IOException {
        try (InputStream in = MnistPreprocessorTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            return PenDigits.read(in, "pendigits-sample.jsonl");
        }
    }

    /** Moves and scales strokes on the pad: the same digit drawn elsewhere, bigger or smaller. */
    private static List<Stroke> transform(List<Stroke> strokes, double scale, double dx, double dy) {
        List<Stroke> out = new ArrayList<>();
        for (Stroke s : strokes) {
            List<Point> points = new ArrayList<>();
            for (Point p : s.points()) {
                points.add(new Point(p.x() * scale + dx, p.y() * scale + dy));
            }
            out.add(new Stroke(points));
        }
        return out;
    }

    @Test
    void aSmallDigitInACornerGivesTheSameInputAsThePadSizedOne() throws IOException {
        for (PenDigit digit : samples()) {
            List<Stroke> padSized = PenDigitPlacer.place(digit.strokes(), PAD, 0.9);
            float[] reference = MnistPreprocessor.fromStrokes(padSized);
            // a fifth of the size, drawn in the top left corner; and a bit larger, off to the right
            float[] small = MnistPreprocessor.fromStrokes(transform(padSized, 0.2, -5, -8));
            float[] large = MnistPreprocessor.fromStrokes(transform(padSized, 1.1, 31, -17));
            assertTrue(meanAbsDifference(reference, small) < 1e-4, digit.id() + " small: " + meanAbsDifference(reference, small));
            assertTrue(meanAbsDifference(reference, large) < 1e-4, digit.id() + " large: " + meanAbsDifference(reference, large));
        }
    }

    @Test
    void outputIsInUnitRangeWithTheCentreOfMassAtTheCentreAndA20PixelBox() throws IOException {
        for (PenDigit digit : samples()) {
            float[] input = MnistPreprocessor.fromStrokes(PenDigitPlacer.place(digit.strokes(), PAD));
            assertEquals(784, input.length);
            float max = 0;
            for (float v : input) {
                assertTrue(v >= 0 && v <= 1, "value " + v);
                max = Math.max(max, v);
            }
            assertEquals(1f, max, 1e-6, "strokes peak at full ink");
            double[] com = centreOfMass(input);
            // where MNIST has it: pixel (14, 14) counted from 0, i.e. 14.5 with centres at index + 0.5
            assertEquals(14.5, com[0], 0.05, digit.id() + " x");
            assertEquals(14.5, com[1], 0.05, digit.id() + " y");
            int[] box = inkBox(input);
            assertEquals(20, Math.max(box[2], box[3]), 1, digit.id() + " longer side of the ink box");
        }
    }

    @Test
    void aDotALineAndAPadFillingScribbleDoNotBreakIt() {
        List<Stroke> dot = List.of(new Stroke(List.of(new Point(140, 140))));
        List<Stroke> horizontal = List.of(new Stroke(List.of(new Point(20, 140), new Point(260, 140))));
        List<Stroke> vertical = List.of(new Stroke(List.of(new Point(140, 10), new Point(140, 270))));
        List<Point> zigzag = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            zigzag.add(new Point(i % 2 == 0 ? 0 : PAD, i * PAD / 40.0));
        }
        List<Stroke> scribble = List.of(new Stroke(zigzag));
        for (List<Stroke> strokes : List.of(dot, horizontal, vertical, scribble)) {
            float[] input = MnistPreprocessor.fromStrokes(strokes);
            double ink = 0;
            for (float v : input) {
                assertTrue(v >= 0 && v <= 1);
                ink += v;
            }
            assertTrue(ink > 0, "something is drawn");
            double[] com = centreOfMass(input);
            assertEquals(14.5, com[0], 0.1);
            assertEquals(14.5, com[1], 0.1);
        }
        // a line becomes 20 px long and stays thin: the aspect ratio is kept
        int[] box = inkBox(MnistPreprocessor.fromStrokes(horizontal));
        assertEquals(20, box[2], 1);
        assertTrue(box[3] <= 4, "line height " + box[3]);
        box = inkBox(MnistPreprocessor.fromStrokes(vertical));
        assertEquals(20, box[3], 1);
        assertTrue(box[2] <= 4, "line width " + box[2]);
    }

    @Test
    void penDigitsGetMnistsStrokeWidth() throws IOException {
        // MNIST's training digits measure 1.93 px by this estimate (median, quartiles 1.63-2.30, see
        // InkTuning); strokes thinner or fatter than the network has seen cost accuracy
        double sum = 0;
        for (PenDigit digit : samples()) {
            sum += strokeWidth(MnistPreprocessor.fromStrokes(PenDigitPlacer.place(digit.strokes(), PAD)));
        }
        double width = sum / samples().size();
        assertTrue(width > 1.63 && width < 2.30, "mean stroke width " + width);
    }

    /** A ribbon of width w and length L has ink w*L and outline ~2L: w ~ 2 * ink / outline of the solid (> 0.5) part. */
    static double strokeWidth(float[] image) {
        double ink = 0;
        int outline = 0;
        for (int p = 0; p < image.length; p++) {
            ink += image[p];
            if (image[p] > 0.5f) {
                int x = p % 28;
                int y = p / 28;
                outline += x == 27 || image[p + 1] <= 0.5f ? 1 : 0;
                outline += x == 0 || image[p - 1] <= 0.5f ? 1 : 0;
                outline += y == 27 || image[p + 28] <= 0.5f ? 1 : 0;
                outline += y == 0 || image[p - 28] <= 0.5f ? 1 : 0;
            }
        }
        return 2 * ink / outline;
    }

    @Test
    void emptyInputIsRejectedClearly() {
        assertThrows(NoInkException.class, () -> MnistPreprocessor.fromStrokes(List.of()));
        GrayImage blank = new GrayImage(50, 50, new float[2500]);
        assertThrows(NoInkException.class, () -> MnistPreprocessor.normalize(blank));
    }

    @Test
    void areaAveragingKeepsTheMeanIntensity() {
        // a 40x40 checkerboard scaled to 20x20 must average to grey, not alias to black or white
        float[] pixels = new float[40 * 40];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i / 40 + i % 40) % 2;
        }
        float[] out = MnistPreprocessor.resample(new GrayImage(40, 40, pixels), 0, 0, 40, 40, 20, 20);
        for (float v : out) {
            assertEquals(0.5f, v, 1e-6);
        }
    }

    @Test
    void picturesOnWhitePaperAndMnistStylePicturesGiveTheSameInput() {
        BufferedImage paper = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        BufferedImage mnistStyle = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        draw(paper, Color.WHITE, Color.BLACK);
        draw(mnistStyle, Color.BLACK, Color.WHITE);
        float[] a = MnistPreprocessor.normalize(MnistPreprocessor.fromBufferedImage(paper));
        float[] b = MnistPreprocessor.normalize(MnistPreprocessor.fromBufferedImage(mnistStyle));
        assertTrue(meanAbsDifference(a, b) < 1e-6);
        assertEquals(14.5, centreOfMass(a)[0], 0.05);
    }

    private static void draw(BufferedImage image, Color background, Color ink) {
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 100, 100);
        g.setColor(ink);
        g.setStroke(new java.awt.BasicStroke(8));
        g.drawLine(30, 20, 60, 80);
        g.drawLine(30, 20, 70, 20);
        g.dispose();
    }

    static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    static double meanAbsDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    /** Intensity-weighted mean position, pixel centres at index + 0.5 (as MnistPreprocessor uses). */
    static double[] centreOfMass(float[] image) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < image.length; i++) {
            mass += image[i];
            x += image[i] * (i % 28 + 0.5);
            y += image[i] * (i / 28 + 0.5);
        }
        return new double[] {x / mass, y / mass};
    }

    /** {minX, minY, width, height} of pixels above the ink threshold. */
    static int[] inkBox(float[] image) {
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < image.length; i++) {
            if (image[i] > MnistPreprocessor.INK_THRESHOLD) {
                minX = Math.min(minX, i % 28);
                maxX = Math.max(maxX, i % 28);
                minY = Math.min(minY, i / 28);
                maxY = Math.max(maxY, i / 28);
            }
        }
        return new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }
}
