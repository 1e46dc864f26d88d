package app.digitpad.preprocess;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Developer tool, not a test: ink statistics of MNIST's training digits next to pen digits drawn
 * through {@link MnistPreprocessor#fromStrokes(List, InkStyle)} with several pen widths, to choose
 * {@link InkStyle#STROKE_WIDTH}. Run from the project root after {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) app.digitpad.preprocess.InkTuning [widths...]}
 */
public final class InkTuning {
    private static final Path MNIST = Path.of("assets", "mnist", "train-images-idx3-ubyte.gz");
    private static final Path PEN = Path.of("..", "shared", "pendigits", "train.jsonl.gz");

    public static void main(String[] args) throws Exception {
        List<float[]> mnist = readMnist(MNIST);
        System.out.println("MNIST train      " + stats(mnist));
        List<PenDigit> pen = PenDigits.load(PEN);
        double[] widths = args.length == 0 ? new double[] {1.6, 1.8, 1.93, 2.1, 2.3} : parse(args);
        for (double width : widths) {
            List<float[]> inputs = new ArrayList<>();
            for (PenDigit digit : pen) {
                inputs.add(MnistPreprocessor.fromStrokes(digit.strokes(), new InkStyle(width, MnistPreprocessor.BOX, 0, 0)));
            }
            System.out.printf(Locale.ROOT, "pen, width %.2f  %s%n", width, stats(inputs));
        }
    }

    private static double[] parse(String[] args) {
        double[] values = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = Double.parseDouble(args[i]);
        }
        return values;
    }

    /** Median and quartiles of the stroke width, the longer ink side, the centre of mass and grey levels. */
    static String stats(List<float[]> images) {
        double[] widths = new double[images.size()];
        int[] sides = new int[29];
        double cx = 0;
        double cy = 0;
        double ink = 0;
        long nonzero = 0;
        long solid = 0;
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            widths[i] = MnistPreprocessorTest.strokeWidth(image);
            int[] box = MnistPreprocessorTest.inkBox(image);
            sides[Math.max(box[2], box[3])]++;
            double[] c = MnistPreprocessor.centreOfMass(image, 28, 28);
            cx += c[0];
            cy += c[1];
            for (float v : image) {
                ink += v;
                nonzero += v > 0 ? 1 : 0;
                solid += v >= 0.9f ? 1 : 0;
            }
        }
        java.util.Arrays.sort(widths);
        int n = images.size();
        StringBuilder side = new StringBuilder();
        for (int s = 17; s <= 21; s++) {
            side.append(String.format(Locale.ROOT, " %d:%.1f%%", s, 100.0 * sides[s] / n));
        }
        return String.format(Locale.ROOT,
                "width %.2f/%.2f/%.2f  longer side%s  centre %.2f,%.2f  ink %.1f  nonzero %.1f%%  solid share %.1f%%",
                widths[n / 4], widths[n / 2], widths[3 * n / 4], side, cx / n, cy / n, ink / n, 100.0 * nonzero / (n * 784L),
                100.0 * solid / nonzero);
    }

    static List<float[]> readMnist(Path file) throws Exception {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            in.readInt();
            int count = in.readInt();
            in.readInt();
            in.readInt();
            List<float[]> images = new ArrayList<>(count);
            byte[] buffer = new byte[784];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                float[] image = new float[784];
                for (int p = 0; p < 784; p++) {
                    image[p] = (buffer[p] & 0xff) / 255f;
                }
                images.add(image);
            }
            return images;
        }
    }
}
