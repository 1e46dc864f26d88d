package app.digitpad.preprocess;

import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Developer tool, not a test: compares pen digits normalized with several brush widths against real
 * MNIST digits, by ink statistics and by eye (a contact sheet PNG), to choose
 * {@link StrokeRenderer#brushWidthFor(int)}. Run from the project root after {@code mvn test-compile}
 * and {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) app.digitpad.preprocess.BrushTuning [out.png | --sweep]}
 * (about 3.5 minutes; --sweep, the accuracy grid over brushes and drawn sizes, about 10).
 */
public final class BrushTuning {
    private static final Path MNIST = Path.of("assets", "mnist", "train-images-idx3-ubyte.gz");
    private static final Path PEN = Path.of("..", "shared", "pendigits", "dev.jsonl.gz");
    private static final int PAD = MnistPreprocessor.PAD_SIZE;
    private static final double[] DIVISORS = {8, 9, 10, 11, 12, 14, 16, 20};
    private static final int COLUMNS = 20;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--sweep")) {
            sweep();
            return;
        }
        Path sheet = Path.of(args.length > 0 ? args[0] : "/tmp/preprocess-sheet.png");
        List<float[]> mnist = readMnist(MNIST, 60_000);
        List<PenDigit> pen = PenDigits.load(PEN);
        // the shipped model was trained on MNIST: pen digits that look like MNIST to it are read best
        DigitClassifier model = ModelFiles.loadBundled();
        System.out.println("MNIST train (60,000):          " + InkStats.of(mnist) + ", per image " + widthQuartiles(mnist));
        List<List<float[]>> rows = new ArrayList<>();
        rows.add(mnist.subList(0, COLUMNS));
        for (double divisor : DIVISORS) {
            double brush = PAD / divisor;
            List<float[]> inputs = new ArrayList<>();
            for (PenDigit digit : pen) {
                GrayImage image = StrokeRenderer.render(PenDigitPlacer.place(digit.strokes(), PAD), PAD, brush);
                inputs.add(MnistPreprocessor.normalize(image));
            }
            System.out.printf(Locale.ROOT, "pen, brush pad/%-4.0f(%4.1f px): %s, per image %s, shipped model %.2f%%%n",
                    divisor, brush, InkStats.of(inputs), widthQuartiles(inputs), 100 * accuracy(model, pen, inputs));
            List<float[]> row = new ArrayList<>();
            for (int i = 0; i < COLUMNS; i++) {
                row.add(inputs.get(i * (inputs.size() / COLUMNS)));
            }
            rows.add(row);
        }
        rows.add(mnist.subList(COLUMNS, 2 * COLUMNS));
        ImageIO.write(contactSheet(rows, 3), "png", sheet.toFile());
        // close-up: MNIST, pad/12 (chosen), pad/16 (the first guess), MNIST
        List<List<float[]>> detail = new ArrayList<>();
        for (List<float[]> row : List.of(rows.get(0), rows.get(5), rows.get(7), rows.get(rows.size() - 1))) {
            detail.add(row.subList(0, 10));
        }
        Path close = sheet.resolveSibling(sheet.getFileName().toString().replace(".png", "-detail.png"));
        ImageIO.write(contactSheet(detail, 6), "png", close.toFile());
        System.out.println("sheet: " + sheet + " (rows: MNIST, then pad/" + java.util.Arrays.toString(DIVISORS) + ", MNIST)");
    }

    /**
     * The brush is fixed to the pad, so a digit drawn small gets relatively fat strokes and one
     * drawn large thin ones: accuracy of the shipped model per brush and drawn size.
     */
    static void sweep() throws Exception {
        List<PenDigit> pen = PenDigits.load(PEN);
        double[] extents = {0.35, 0.5, 0.6, 0.7, 0.8, 0.9};
        System.out.print("brush \\ drawn");
        for (double extent : extents) {
            System.out.printf(Locale.ROOT, "%8.0f%%", extent * 100);
        }
        System.out.println();
        try (DigitClassifier model = ModelFiles.loadBundled()) {
            for (double divisor : new double[] {11, 12, 13, 14, 16}) {
                System.out.printf(Locale.ROOT, "pad/%-10.0f", divisor);
                for (double extent : extents) {
                    List<float[]> inputs = new ArrayList<>();
                    for (PenDigit digit : pen) {
                        GrayImage image = StrokeRenderer.render(PenDigitPlacer.place(digit.strokes(), PAD, extent), PAD, PAD / divisor);
                        inputs.add(MnistPreprocessor.normalize(image));
                    }
                    System.out.printf(Locale.ROOT, "%8.2f%%", 100 * accuracy(model, pen, inputs));
                }
                System.out.println();
            }
        }
    }

    /** Quartiles of the per-image stroke width estimate. */
    static String widthQuartiles(List<float[]> images) {
        double[] widths = images.stream().mapToDouble(MnistPreprocessorTest::strokeWidth).sorted().toArray();
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f px", widths[widths.length / 4], widths[widths.length / 2],
                widths[widths.length * 3 / 4]);
    }

    static double accuracy(DigitClassifier model, List<PenDigit> digits, List<float[]> inputs) throws Exception {
        int batch = 500;
        int correct = 0;
        for (int start = 0; start < inputs.size(); start += batch) {
            int count = Math.min(batch, inputs.size() - start);
            float[] images = new float[count * 784];
            for (int i = 0; i < count; i++) {
                System.arraycopy(inputs.get(start + i), 0, images, i * 784, 784);
            }
            float[][] rows = model.probabilities(images, count);
            for (int i = 0; i < count; i++) {
                if (Evaluator.argmax(rows[i]) == digits.get(start + i).label()) {
                    correct++;
                }
            }
        }
        return correct / (double) inputs.size();
    }

    /** Mean ink per image, share of pixels that are solid (> 0.5) and faint (0.02..0.5), mean of solid pixels. */
    record InkStats(double meanInk, double solid, double faint, double ratio, double width) {
        static InkStats of(List<float[]> images) {
            double ink = 0;
            long solid = 0;
            long faint = 0;
            long edges = 0;
            for (float[] image : images) {
                for (int p = 0; p < 784; p++) {
                    float v = image[p];
                    boolean in = v > 0.5f;
                    // boundary of the solid (> 0.5) region, between 4-neighbours
                    edges += (p % 28 == 27 || in != image[p + 1] > 0.5f) && in ? 1 : 0;
                    edges += (p % 28 == 0 || in != image[p - 1] > 0.5f) && in ? 1 : 0;
                    edges += (p / 28 == 27 || in != image[p + 28] > 0.5f) && in ? 1 : 0;
                    edges += (p / 28 == 0 || in != image[p - 28] > 0.5f) && in ? 1 : 0;
                    ink += v;
                    if (v > 0.5f) {
                        solid++;
                    } else if (v > MnistPreprocessor.INK_THRESHOLD) {
                        faint++;
                    }
                }
            }
            double n = images.size();
            // a ribbon of width w and length L has area w*L and perimeter ~2L: w ~ 2 * ink / perimeter
            return new InkStats(ink / n, solid / n, faint / n, faint / (double) solid, 2 * ink / edges);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "ink sum %6.1f (mean pixel %.4f), solid px %5.1f, faint px %5.1f, faint/solid %.2f, stroke width ~%.2f px",
                    meanInk, meanInk / 784, solid, faint, ratio, width);
        }
    }

    static List<float[]> readMnist(Path file, int limit) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            if (in.readInt() != 0x803) {
                throw new IOException(file + " is not an IDX image file");
            }
            int count = Math.min(limit, in.readInt());
            int rows = in.readInt();
            int cols = in.readInt();
            List<float[]> images = new ArrayList<>();
            byte[] buffer = new byte[rows * cols];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                float[] image = new float[buffer.length];
                for (int p = 0; p < buffer.length; p++) {
                    image[p] = (buffer[p] & 0xff) / 255f;
                }
                images.add(image);
            }
            return images;
        }
    }

    /** Rows of 28x28 images, white ink on black as MNIST is usually shown, enlarged without smoothing. */
    static BufferedImage contactSheet(List<List<float[]>> rows, int zoom) {
        int cell = 28 * zoom + 4;
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        BufferedImage sheet = new BufferedImage(columns * cell, rows.size() * cell, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(new Color(60, 60, 90));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.dispose();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                float[] image = rows.get(r).get(c);
                for (int p = 0; p < 784; p++) {
                    int v = Math.round(image[p] * 255);
                    int rgb = v << 16 | v << 8 | v;
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            sheet.setRGB(c * cell + 2 + (p % 28) * zoom + dx, r * cell + 2 + (p / 28) * zoom + dy, rgb);
                        }
                    }
                }
            }
        }
        return sheet;
    }
}
