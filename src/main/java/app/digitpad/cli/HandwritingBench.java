package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.eval.PenEvaluation;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.ScribbleGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * How a model reads real handwriting, against the goals of issue #12: pen digits and non-digits by
 * writers it never saw, random scribbles, MNIST, and how much the drawn size matters. Any file of
 * the pen format can stand in for the validation sets, so writers we do not have are measured alike.
 */
@Command(name = "handwriting", sortOptions = false,
        description = {"Real-handwriting figures against the goals of issue #12.",
            "Pen digits and non-digits by unseen writers, random scribbles, MNIST, and how much the drawn size matters."})
final class HandwritingBench implements Callable<Integer>, ExpectsArguments {
    static final Path PEN_VAL = Path.of("..", "shared", "pendigits", "val.jsonl.gz");
    static final Path NON_DIGITS_VAL = Path.of("..", "shared", "nondigits", "val.jsonl.gz");
    /** The scribble test set: a fixed seed no training run uses (training draws from its own seeded streams). */
    static final long SCRIBBLE_SEED = 20_261_202L;
    private static final double[] EXTENTS = {0.3, 0.5, 0.7, 0.9};

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Option(names = "--pen", paramLabel = "PATH", description = "Pen digits by unseen writers (default ${DEFAULT-VALUE}).")
    Path penFile = PEN_VAL;

    @Option(names = "--nondigits", paramLabel = "PATH", description = "Pen-written non-digits (default ${DEFAULT-VALUE}).")
    Path nonDigitsFile = NON_DIGITS_VAL;

    @Option(names = "--scribbles", paramLabel = "N", description = "Random scribbles to flag (default ${DEFAULT-VALUE}).")
    int scribbleCount = 1200;

    @Option(names = "--strokes", paramLabel = "READER", description = StrokesArgument.DESCRIPTION)
    String strokes = StrokesArgument.BUNDLED;

    @Option(names = "--thresholds", description = "Also the flagged shares at other not-a-digit thresholds.")
    boolean showThresholds;

    private PrintWriter out;

    @Override
    public String expectedArguments() {
        return "handwriting needs exactly one model file (or 'bundled').";
    }

    @Override
    public Integer call() throws Exception {
        if (scribbleCount < 1) {
            throw new UsageException("--scribbles must be at least 1.");
        }
        out = spec.commandLine().getOut();
        List<PenDigit> digits = load(penFile);
        List<PenDigit> nonDigits = load(nonDigitsFile);
        MnistData mnist = new MnistLoader(MnistSource.bundled()).test();
        try (DigitClassifier classifier = ModelArgument.load(model);
                StrokesArgument.Choice chosen = StrokesArgument.load(strokes, model)) {
            StrokeReader reader = chosen.reader();
            NotDigitRule rule = classifier.notDigitRule();
            out.println("Model: " + classifier.metadata().summary());
            out.println(reader == null ? "Pen digits, non-digits and scribbles read from their pictures alone (--strokes none)"
                    : "Pen digits, non-digits and scribbles read jointly with the stroke reader (" + chosen.name()
                            + "); MNIST has no strokes");
            out.println(rule.canReject()
                    ? String.format("\"Not a digit\" when its probability is at least %.2f", rule.threshold())
                    : "This model has no \"not a digit\" answer (ten outputs): every flagged share is 0.");
            PenEvaluation pen = PenEvaluation.of(classifier, reader, rule, digits, 0.7);
            PenEvaluation.Writer worst = pen.writers().get(0);
            PenEvaluation others = PenEvaluation.of(classifier, reader, rule, nonDigits, 0.7);
            double scribbles = PenEvaluation.flaggedShare(classifier, reader, rule, ScribbleGenerator.set(SCRIBBLE_SEED, scribbleCount));
            Evaluation test = Evaluator.evaluate(classifier, mnist);
            double low = 1;
            double high = 0;
            StringBuilder sizes = new StringBuilder();
            for (double extent : EXTENTS) {
                double accuracy = PenEvaluation.of(classifier, reader, rule, digits, extent).accuracy();
                low = Math.min(low, accuracy);
                high = Math.max(high, accuracy);
                sizes.append(String.format(" %.1f:%.2f%%", extent, accuracy * 100));
            }
            out.printf("%-58s %-24s %s%n", "figure", "measured", "goal");
            row("pen digits, " + penFile.getFileName() + " (" + pen.digits() + ")", pct(pen.accuracy()), ">= 99.3%");
            row("worst single writer (" + pen.writers().size() + " writers)",
                    String.format("%.1f%% (%d/%d)", worst.accuracy() * 100, worst.correct(), worst.digits()), ">= 96%");
            row("MNIST test (" + test.size() + ")", pct(test.accuracy()), ">= 99.4%");
            row("non-digits flagged, " + nonDigitsFile.getFileName() + " (" + others.nonDigits() + ")",
                    pct(others.nonDigitsFlaggedShare()), ">= 90%");
            row("random scribbles flagged (" + scribbleCount + ", seed " + SCRIBBLE_SEED + ")", pct(scribbles), ">= 95%");
            row("pen digits flagged / MNIST test flagged", pct(pen.digitsFlaggedShare()) + " / "
                    + pct(test.flagged(rule) / (double) test.size()), "<= 1% / <= 0.5%");
            row("accuracy spread over drawn sizes" + sizes, String.format("%.2f points", (high - low) * 100), "<= 0.3 points");
            if (showThresholds && rule.canReject()) {
                thresholds(classifier, reader, digits, nonDigits, mnist, scribbleCount);
            }
            out.printf("worst writers:");
            for (PenEvaluation.Writer w : pen.writers().subList(0, Math.min(5, pen.writers().size()))) {
                out.printf(" %s %.1f%% (%d/%d)", w.name(), w.accuracy() * 100, w.correct(), w.digits());
            }
            out.println();
        }
        return 0;
    }

    /** The flagged shares at other thresholds than the model's: what moving the decision would trade. */
    private void thresholds(DigitClassifier classifier, StrokeReader reader, List<PenDigit> digits, List<PenDigit> nonDigits, MnistData mnist,
            int scribbleCount) throws Exception {
        float[][] pen = PenEvaluation.classify(classifier, reader, drawings(digits));
        float[][] others = PenEvaluation.classify(classifier, reader, drawings(nonDigits));
        float[][] scribbles = PenEvaluation.classify(classifier, reader, ScribbleGenerator.set(SCRIBBLE_SEED, scribbleCount));
        float[][] test = new float[mnist.size()][];
        Evaluation evaluation = Evaluator.evaluate(classifier, mnist);
        for (int i = 0; i < test.length; i++) {
            test[i] = evaluation.probabilities(i);
        }
        out.println("threshold   non-digits  scribbles  pen digits  MNIST test   (share flagged)");
        for (float t : new float[] {0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f}) {
            NotDigitRule rule = new NotDigitRule(NotDigitRule.DIGITS + 1, t);
            out.printf("  %.1f       %7s   %7s    %7s     %7s%n", t, pct(flagged(rule, others)), pct(flagged(rule, scribbles)),
                    pct(flagged(rule, pen)), pct(flagged(rule, test)));
        }
    }

    private static double flagged(NotDigitRule rule, float[][] rows) {
        int n = 0;
        for (float[] row : rows) {
            n += rule.flags(row) ? 1 : 0;
        }
        return rows.length == 0 ? 0 : n / (double) rows.length;
    }

    private static List<List<app.digitpad.preprocess.Stroke>> drawings(List<PenDigit> samples) {
        return samples.stream().map(PenDigit::strokes).toList();
    }

    private void row(String figure, String measured, String goal) {
        out.printf("%-58s %-24s %s%n", figure, measured, goal);
    }

    private static String pct(double fraction) {
        return String.format("%.2f%%", fraction * 100);
    }

    private static List<PenDigit> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Pen-data file " + file + " does not exist (give --pen PATH and --nondigits PATH).");
        }
        return PenDigits.load(file);
    }
}
