package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.eval.PenEvaluation;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.personal.HandwritingAdaptation;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Stroke;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Teach mode, measured per writer: each writer's first k samples of each digit (file order) are
 * the corrections the model is adapted on, and the writer's other samples are the test. A sample
 * counts as read right when the pad would show its digit: the most probable digit is right and the
 * model does not answer "not a digit".
 */
@Command(name = "adapt-bench", sortOptions = false,
        description = {"Teach mode per writer: adapt on a writer's first k samples, test on the rest.",
            "For each writer of a pen file, MODEL is adapted on the writer's first k samples of each digit and "
                + "tested on the writer's other samples, before and after."})
final class AdaptBench implements Callable<Integer>, ExpectsArguments {
    private static final int HARDEST = 5;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Option(names = "--file", paramLabel = "PATH", description = "Pen samples by writer (default ${DEFAULT-VALUE}).")
    Path file = PenDigitsCommand.DEFAULT_FILE;

    @Option(names = "--k", paramLabel = "K", split = ",", description = "Corrections per digit, comma-separated "
            + "(default 1,3,5).")
    int[] ks = {1, 3, 5};

    @Option(names = "--steps", paramLabel = "N", description = "Adaptation steps (default ${DEFAULT-VALUE}).")
    int steps = Adaptation.Settings.defaults().steps();

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate of the adaptation (default ${DEFAULT-VALUE}).")
    float rate = Adaptation.Settings.defaults().learningRate();

    @Option(names = "--strokes", paramLabel = "READER", description = StrokesArgument.DESCRIPTION
            + " With a reader, teach mode adapts it too, as the app does.")
    String strokes = StrokesArgument.BUNDLED;

    private PrintWriter out;

    @Override
    public String expectedArguments() {
        return "adapt-bench needs exactly one model file (or 'bundled').";
    }

    /**
     * One writer's figures at one k; {@code pictureOnlyAdapted} is the share read right when only the
     * picture network was adapted and the stroke reader was left as it was (NaN without a reader).
     */
    record WriterResult(String writer, int tested, double before, double after, double pictureOnlyAdapted, double mnistAfter,
            long millis) {}

    @Override
    public Integer call() throws Exception {
        Adaptation.Settings settings;
        try {
            settings = Adaptation.Settings.defaults().withSteps(steps).withLearningRate(rate).withTestImages(0);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--steps must be at least 1 and --lr above 0.");
        }
        out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new IOException("Pen-digit file " + file + " does not exist (give --file PATH).");
        }
        Map<String, List<PenDigit>> writers = byWriter(PenDigits.load(file));
        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        MnistData train = loader.train();
        MnistData test = loader.test();
        PenTrainingSet pen = PenTrainingSet.loadBundled();
        try (DigitClassifier parent = ModelArgument.load(model);
                StrokesArgument.Choice chosen = StrokesArgument.load(strokes, model)) {
            StrokeReader reader = chosen.reader();
            double mnistBefore = Evaluator.evaluate(parent, test).accuracy();
            out.printf("Model: %s%nWriters: %d in %s; adaptation: %d steps, peak lr %s, %d personal + %d replayed images a step%n",
                    parent.metadata().summary(), writers.size(), file, settings.steps(), settings.learningRate(),
                    settings.personal(), settings.replay());
            out.printf("MNIST test before adapting: %.2f%%%n", mnistBefore * 100);
            out.println(reader == null ? "Read from the pictures alone (--strokes none)"
                    : "Read jointly with the stroke reader (" + chosen.name() + "), which is adapted too");
            for (int k : ks) {
                List<WriterResult> results = new ArrayList<>();
                int skipped = 0;
                for (Map.Entry<String, List<PenDigit>> writer : writers.entrySet()) {
                    List<PenDigit> corrections = new ArrayList<>();
                    List<PenDigit> rest = new ArrayList<>();
                    if (!split(writer.getValue(), k, corrections, rest)) {
                        skipped++;
                        continue;
                    }
                    double before = readRight(parent, reader, rest);
                    long start = System.nanoTime();
                    // as the app adapts: both readers
                    try (HandwritingAdaptation.Result adapted = new HandwritingAdaptation(parent, reader, corrections, train, test,
                            pen, settings, Adaptation.Listener.NONE).run()) {
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        double pictureOnly = reader == null ? Double.NaN : readRight(adapted.model(), reader, rest);
                        results.add(new WriterResult(writer.getKey(), rest.size(), before,
                                readRight(adapted.model(), adapted.reader(), rest), pictureOnly,
                                Evaluator.evaluate(adapted.model(), test).accuracy(), millis));
                    }
                }
                report(k, results, skipped, mnistBefore);
            }
        }
        return 0;
    }

    private void report(int k, List<WriterResult> results, int skipped, double mnistBefore) {
        out.printf("%n== k = %d (%d corrections a writer): %d writers, %d skipped (fewer than %d of some digit) ==%n",
                k, 10 * k, results.size(), skipped, k + 1);
        if (results.isEmpty()) {
            return;
        }
        double[] before = results.stream().mapToDouble(WriterResult::before).sorted().toArray();
        double[] after = results.stream().mapToDouble(WriterResult::after).sorted().toArray();
        double meanBefore = Arrays.stream(before).average().orElse(0);
        double meanAfter = Arrays.stream(after).average().orElse(0);
        out.printf("read right, before: mean %.2f%%  median %.2f%%  worst %.2f%%%n", meanBefore * 100, median(before) * 100,
                before[0] * 100);
        out.printf("read right, after:  mean %.2f%%  median %.2f%%  worst %.2f%%%n", meanAfter * 100, median(after) * 100,
                after[0] * 100);
        out.printf("mean error after / before: %.2f (%.2f%% -> %.2f%%)%n",
                errorRatio(meanBefore, meanAfter), (1 - meanBefore) * 100, (1 - meanAfter) * 100);
        if (!Double.isNaN(results.get(0).pictureOnlyAdapted())) {
            double[] pictureOnly = results.stream().mapToDouble(WriterResult::pictureOnlyAdapted).sorted().toArray();
            double mean = Arrays.stream(pictureOnly).average().orElse(0);
            out.printf("read right after adapting the picture network alone (stroke reader as it was): mean %.2f%%  worst %.2f%%"
                    + "  (error after / before %.2f)%n", mean * 100, pictureOnly[0] * 100,
                    errorRatio(meanBefore, mean));
        }
        double[] mnist = results.stream().mapToDouble(WriterResult::mnistAfter).sorted().toArray();
        out.printf("MNIST test after: mean %.2f%%  lowest %.2f%% (before %.2f%%)%n", Arrays.stream(mnist).average().orElse(0) * 100,
                mnist[0] * 100, mnistBefore * 100);
        long[] millis = results.stream().mapToLong(WriterResult::millis).sorted().toArray();
        out.printf("adaptation time: median %.2f s  slowest %.2f s%n", millis[millis.length / 2] / 1000.0,
                millis[millis.length - 1] / 1000.0);
        List<WriterResult> hardest = new ArrayList<>(results);
        hardest.sort(Comparator.comparingDouble(WriterResult::before));
        out.print("writers with the most errors before:");
        for (WriterResult r : hardest.subList(0, Math.min(HARDEST, hardest.size()))) {
            out.printf(" %s %.1f%% -> %.1f%% (%d);", r.writer(), r.before() * 100, r.after() * 100, r.tested());
        }
        out.println();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Samples grouped by writer, in file order. */
    static Map<String, List<PenDigit>> byWriter(List<PenDigit> samples) {
        Map<String, List<PenDigit>> writers = new LinkedHashMap<>();
        for (PenDigit sample : samples) {
            if (sample.isDigit()) {
                writers.computeIfAbsent(sample.writer(), w -> new ArrayList<>()).add(sample);
            }
        }
        return writers;
    }

    /**
     * The first {@code k} of each digit go to {@code corrections}, the others to {@code rest}; false
     * when some digit has no sample left to test after its k corrections.
     */
    static boolean split(List<PenDigit> samples, int k, List<PenDigit> corrections, List<PenDigit> rest) {
        int[] taken = new int[10];
        int[] count = new int[10];
        for (PenDigit s : samples) {
            count[s.label()]++;
        }
        for (int d = 0; d < 10; d++) {
            if (count[d] < k + 1) {
                return false;
            }
        }
        for (PenDigit s : samples) {
            if (taken[s.label()] < k) {
                taken[s.label()]++;
                corrections.add(s);
            } else {
                rest.add(s);
            }
        }
        return true;
    }

    /** Share of {@code samples} the pad would show as their digit, read jointly with {@code reader} unless it is null. */
    static double readRight(DigitClassifier model, StrokeReader reader, List<PenDigit> samples) throws Exception {
        List<List<Stroke>> drawings = new ArrayList<>();
        for (PenDigit s : samples) {
            drawings.add(s.strokes());
        }
        float[][] rows = PenEvaluation.classify(model, reader, drawings);
        NotDigitRule rule = model.notDigitRule();
        int right = 0;
        for (int i = 0; i < rows.length; i++) {
            right += NotDigitRule.digit(rows[i]) == samples.get(i).label() && !rule.flags(rows[i]) ? 1 : 0;
        }
        return samples.isEmpty() ? 0 : right / (double) samples.size();
    }

    /** Mean error after adapting over mean error before (0 when nothing was misread before). */
    private static double errorRatio(double readRightBefore, double readRightAfter) {
        return readRightBefore < 1 ? (1 - readRightAfter) / (1 - readRightBefore) : 0;
    }

}
