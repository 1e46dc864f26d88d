package app.digitpad.cli;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ml.eval.PenEvaluation;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.InkStyle;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.StrokeDirections;
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
 * Accuracy on real pen-written samples from any file of the UNIPEN JSON-lines format: each one is
 * placed on the pad as a user would draw it and recognized exactly as the live pad does. Reports
 * accuracy, per-digit recall, the worst writers and how often the model says "not a digit" (for
 * the digits, and for the non-digits when the file has any).
 */
@Command(name = "pendigits", sortOptions = false,
        description = {"Accuracy on real pen-written samples, drawn as on the pad.",
            "Each sample is placed on the pad as a person would draw it and recognized exactly as the live pad does: "
                + "accuracy, per-digit recall, the worst writers and how often the model answers \"not a digit\"."})
final class PenDigitsCommand implements Callable<Integer>, ExpectsArguments {
    static final Path DEFAULT_FILE = Path.of("..", "shared", "pendigits", "val.jsonl.gz");
    private static final int WORST_WRITERS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Option(names = "--file", paramLabel = "PATH", description = "Pen samples in the UNIPEN JSON-lines format, gzipped or "
            + "not (default ${DEFAULT-VALUE}).")
    Path file = DEFAULT_FILE;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N samples (default: all).")
    int limit;

    @Option(names = "--extent", paramLabel = "F", description = "Share of the pad a sample's larger side spans "
            + "(default ${DEFAULT-VALUE}).")
    double extent = PenDigitPlacer.DRAWN_EXTENT;

    @Option(names = "--strokes", paramLabel = "READER", description = StrokesArgument.DESCRIPTION)
    String strokes = StrokesArgument.BUNDLED;

    @Option(names = "--drawn-backwards", description = "Read each sample as if drawn the other way round: every "
            + "stroke backwards and the strokes in reverse order. The pictures are the same; the stroke reader's path is not.")
    boolean backwards;

    @Option(names = "--misreads", description = "Also list every digit read as another: sample id, writer, label, "
            + "answer and its probability.")
    boolean misreads;

    @Override
    public String expectedArguments() {
        return "pendigits needs exactly one model file (or 'bundled').";
    }

    @Override
    public Integer call() throws Exception {
        // options first: a bad command line is reported whatever the files
        if (!(extent > 0 && extent <= 1)) {
            throw new UsageException("--extent is the share of the pad a digit spans: above 0 and at most 1, not " + extent + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("Pen-digit file " + file + " does not exist (give --file PATH).");
        }
        List<PenDigit> samples = PenDigits.load(file);
        if (limit > 0 && limit < samples.size()) {
            samples = samples.subList(0, limit);
        }
        if (backwards) {
            samples = samples.stream().map(d -> new PenDigit(d.id(), d.writer(), d.label(), StrokeDirections.reversed(d.strokes())))
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DigitClassifier classifier = ModelArgument.load(model);
                StrokesArgument.Choice chosen = StrokesArgument.load(strokes, model)) {
            StrokeReader reader = chosen.reader();
            PenEvaluation result = PenEvaluation.of(classifier, reader, classifier.notDigitRule(), samples, extent);
            out.printf("Model: %s%nPen samples: %,d digits%s from %s, drawn at %.0f%% of the pad, recognized with a %.2f px pen%n",
                    classifier.metadata().summary(), result.digits(),
                    result.nonDigits() > 0 ? String.format(" and %,d non-digits", result.nonDigits()) : "", file, extent * 100,
                    InkStyle.STROKE_WIDTH);
            out.println((reader == null ? "Read from the pictures alone (--strokes none)"
                    : "Read jointly with the stroke reader (" + chosen.name() + ")") + (backwards ? ", every sample drawn backwards" : ""));
            if (result.digits() > 0) {
                ConfusionMatrix matrix = result.matrix();
                out.printf("Accuracy: %.2f%% (%,d of %,d)%n", matrix.accuracy() * 100, matrix.correct(), matrix.total());
                long sure = PenEvaluation.sureMisreads(result.misreads());
                out.printf("Misread at least %.0f%% sure: %d (%.2f%% of the digits)%n", PenEvaluation.SURE * 100, sure,
                        100.0 * sure / result.digits());
                out.printf("Digits answered \"not a digit\": %.2f%%%s%n", result.digitsFlaggedShare() * 100,
                        classifier.notDigitRule().canReject() ? "" : " (this model cannot answer that)");
                StringBuilder perDigit = new StringBuilder("Per digit:");
                for (int d = 0; d < 10; d++) {
                    perDigit.append(String.format(" %d:%s", d, ConfusionMatrix.format(matrix.recall(d))));
                }
                out.println(perDigit);
                List<PenEvaluation.Writer> writers = result.writers();
                out.printf("Writers: %d; worst:", writers.size());
                for (PenEvaluation.Writer w : writers.subList(0, Math.min(WORST_WRITERS, writers.size()))) {
                    out.printf(" %s %.1f%% (%d/%d)", w.name(), w.accuracy() * 100, w.correct(), w.digits());
                }
                out.println();
                out.print(matrix.toTable());
                if (misreads) {
                    printMisreads(out, result.misreads());
                }
            }
            if (result.nonDigits() > 0) {
                out.printf("Non-digits answered \"not a digit\": %.2f%% of %,d%n", result.nonDigitsFlaggedShare() * 100,
                        result.nonDigits());
            }
        }
        return 0;
    }

    static void printMisreads(PrintWriter out, List<PenEvaluation.Misread> misreads) {
        out.printf("Misread digits: %d%n", misreads.size());
        for (PenEvaluation.Misread m : misreads) {
            out.printf("  %s (%s): %d read as %d, %.1f%%%s%n", m.id(), m.writer(), m.label(), m.answer(),
                    m.probability() * 100, m.flagged() ? ", and \"not a digit\"" : "");
        }
    }
}
