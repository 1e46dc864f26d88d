package app.digitpad.cli;

import ai.djl.engine.Engine;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code DigitPad --self-test} and {@code digitpad self-test}: checks an installed app without opening a
 * window or starting JavaFX. Loads the PyTorch engine and the model shipped inside the app, classifies the first
 * {@value #MNIST_IMAGES} bundled MNIST test images and three digits drawn on the pad in code (through
 * the pad's own renderer and MNIST normalization), then prints one line and exits 0 when all is
 * well, or prints why not on one line and exits 1 (2 for a wrong command line).
 */
public final class SelfTest {
    public static final String OPTION = "--self-test";
    static final int MNIST_IMAGES = 20;
    /** The shipped model gets all of the first 20 right; one miss is tolerated for a retrained model. */
    static final int MNIST_REQUIRED = 19;

    private final PrintWriter out;
    private final PrintWriter err;

    SelfTest(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the launcher was asked for the self-test rather than the window. */
    public static boolean requested(String[] args) {
        return List.of(args).contains(OPTION);
    }

    /** The launcher's {@code --self-test}: runs the self-test and exits the JVM with its code. */
    public static void main(String[] args) {
        quiet();
        System.exit(new SelfTest(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).run(args));
    }

    /** Headless; DJL's INFO and WARN lines go to the log file, not between the result lines. */
    static void quiet() {
        System.setProperty("java.awt.headless", "true");
    }

    /** {@code --self-test [--model FILE]} as the launcher gets it. */
    int run(String[] args) {
        Path modelFile;
        try {
            modelFile = parse(args);
        } catch (UsageException e) {
            err.println("DigitPad self-test: " + e.getMessage() + " Usage: DigitPad --self-test [--model FILE.dpmodel]");
            return 2;
        }
        return check(modelFile);
    }

    /** Checks the engine with {@code modelFile}, or with the shipped model if null; 0 passed, 1 failed. */
    int check(Path modelFile) {
        long start = System.nanoTime();
        String step = "loading the deep learning engine";
        try {
            Engine engine = Engine.getInstance();
            String engineName = engine.getEngineName() + " " + engine.getVersion();
            double engineSeconds = seconds(start);

            step = "loading the model";
            try (DigitClassifier classifier = modelFile == null ? ModelFiles.loadBundled() : ModelFiles.load(modelFile)) {
                step = "loading the bundled MNIST test images";
                MnistData test = new MnistLoader(MnistSource.bundled()).test().slice(0, MNIST_IMAGES);

                step = "classifying";
                int mnistCorrect = classifyMnist(classifier, test);
                List<String> drawingErrors = classifyDrawings(classifier);
                String model = classifier.metadata().name() + " (" + classifier.metadata().architecture().id() + ")";
                if (mnistCorrect < MNIST_REQUIRED) {
                    return fail(String.format("model %s got only %d/%d MNIST test images right, at least %d required.",
                            model, mnistCorrect, MNIST_IMAGES, MNIST_REQUIRED));
                }
                if (!drawingErrors.isEmpty()) {
                    return fail("model " + model + " misread pad drawings: " + String.join(", ", drawingErrors) + ".");
                }
                out.printf(Locale.ROOT, "DigitPad self-test passed: engine %s (loaded in %.1f s), model %s, "
                                + "%d/%d MNIST test images and %d/%d pad drawings correct in %.1f s%n",
                        engineName, engineSeconds, model, mnistCorrect, MNIST_IMAGES, DRAWINGS.size(), DRAWINGS.size(),
                        seconds(start));
                return 0;
            }
        } catch (Throwable e) { // engine linkage errors included: the point is to report, not to crash
            String message = e.getMessage() != null ? e.getMessage() : e.toString();
            LoggerFactory.getLogger(SelfTest.class).error("Self-test: {} failed", step, e);
            return fail(step + " failed: " + message.replace('\n', ' '));
        }
    }

    private int fail(String reason) {
        err.println("DigitPad self-test FAILED: " + reason);
        return 1;
    }

    private static Path parse(String[] args) throws UsageException {
        Path model = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(OPTION)) {
                continue;
            }
            if (args[i].equals("--model") && i + 1 < args.length) {
                model = Path.of(args[++i]);
            } else {
                throw new UsageException("unexpected argument '" + args[i] + "'.");
            }
        }
        return model;
    }

    private static int classifyMnist(DigitClassifier classifier, MnistData test) throws Exception {
        float[] batch = new float[test.size() * MnistData.PIXELS];
        for (int i = 0; i < test.size(); i++) {
            test.copyImage(i, batch, i * MnistData.PIXELS);
        }
        float[][] rows = classifier.probabilities(batch, test.size());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            if (NotDigitRule.digit(rows[i]) == test.label(i)) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * Returns "drew 7, read 1"-style descriptions of the drawings the model got wrong; a model that
     * can say "not a digit" must say it of a scribble and of none of the digits, by its own rule.
     */
    private static List<String> classifyDrawings(DigitClassifier classifier) throws Exception {
        List<String> errors = new ArrayList<>();
        NotDigitRule rule = classifier.notDigitRule();
        for (Drawing drawing : DRAWINGS) {
            float[] probabilities = classifier.predict(MnistPreprocessor.fromStrokes(drawing.strokes()));
            int read = NotDigitRule.digit(probabilities);
            if (read != drawing.digit() || rule.flags(probabilities)) {
                errors.add("drew " + drawing.digit() + ", read " + (rule.flags(probabilities) ? "not a digit" : read));
            }
        }
        if (rule.canReject() && !rule.flags(classifier.predict(MnistPreprocessor.fromStrokes(SCRIBBLE)))) {
            errors.add("drew a scribble, read a digit");
        }
        return errors;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** A digit drawn on the 280x280 pad, as pointer positions. */
    record Drawing(int digit, List<Stroke> strokes) {}

    static final List<Drawing> DRAWINGS = List.of(
            new Drawing(1, List.of(line(150, 50, 132, 230))),
            new Drawing(7, List.of(new Stroke(List.of(new Point(80, 60), new Point(200, 60), new Point(170, 130),
                    new Point(145, 190), new Point(125, 235))))),
            new Drawing(0, List.of(ellipse(140, 140, 55, 85))));

    /** A scratch across the pad: up and down, quickly, from left to right. Not a digit. */
    static final List<Stroke> SCRIBBLE = List.of(crossingOut());

    private static Stroke crossingOut() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            points.add(new Point(40 + i * 20, i % 2 == 0 ? 60 : 220));
        }
        return new Stroke(points);
    }

    private static Stroke line(double x0, double y0, double x1, double y1) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            points.add(new Point(x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10));
        }
        return new Stroke(points);
    }

    private static Stroke ellipse(double cx, double cy, double rx, double ry) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= 36; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / 36;
            points.add(new Point(cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)));
        }
        return new Stroke(points);
    }
}
