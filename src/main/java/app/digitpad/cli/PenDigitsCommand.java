package app.digitpad.cli;

import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
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
 * Accuracy on real pen-written digits: each sample is placed on the pad as a user would draw it,
 * rendered with the pad's brush at the pad's resolution and normalized exactly as the live pad does.
 */
@Command(name = "pendigits", sortOptions = false,
        description = {"Accuracy on real pen-written digits drawn with the pad's brush.",
            "Each digit is placed on the pad as a person would draw it, rendered with the pad's brush at the pad's "
                + "resolution, and normalized and classified exactly as the live pad does."})
final class PenDigitsCommand implements Callable<Integer>, ExpectsArguments {
    static final Path DEFAULT_FILE = Path.of("..", "shared", "pendigits", "dev.jsonl.gz");
    private static final int BATCH = 500;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Option(names = "--file", paramLabel = "PATH", description = "Pen digits, one JSON object a line, gzipped or not "
            + "(default ${DEFAULT-VALUE}).")
    Path file = DEFAULT_FILE;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N digits (default: all).")
    int limit;

    @Option(names = "--extent", paramLabel = "F", description = "Share of the pad a digit's larger side spans "
            + "(default ${DEFAULT-VALUE}).")
    double extent = PenDigitPlacer.DRAWN_EXTENT;

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
        List<PenDigit> digits = PenDigits.load(file);
        if (limit > 0 && limit < digits.size()) {
            digits = digits.subList(0, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DigitClassifier classifier = ModelArgument.load(model)) {
            ConfusionMatrix matrix = evaluate(classifier, digits, extent);
            out.printf("Model: %s%nPen digits: %,d from %s, its larger side %.0f%% of a %d px pad, with a %.1f px brush%n",
                    classifier.metadata().summary(), digits.size(), file, extent * 100, MnistPreprocessor.PAD_SIZE,
                    app.digitpad.preprocess.StrokeRenderer.brushWidthFor(MnistPreprocessor.PAD_SIZE));
            out.printf("Accuracy: %.2f%% (%,d of %,d)%n", matrix.accuracy() * 100, matrix.correct(), matrix.total());
            StringBuilder perDigit = new StringBuilder("Per digit:");
            for (int d = 0; d < 10; d++) {
                perDigit.append(String.format(" %d:%s", d, ConfusionMatrix.format(matrix.recall(d))));
            }
            out.println(perDigit);
            out.print(matrix.toTable());
        }
        return 0;
    }

    /** Renders and classifies every sample; shared with the benchmark. */
    static ConfusionMatrix evaluate(DigitClassifier classifier, List<PenDigit> digits, double extent) throws Exception {
        ConfusionMatrix matrix = new ConfusionMatrix();
        float[] batch = new float[BATCH * 784];
        for (int start = 0; start < digits.size(); start += BATCH) {
            int count = Math.min(BATCH, digits.size() - start);
            for (int i = 0; i < count; i++) {
                PenDigit digit = digits.get(start + i);
                float[] input = MnistPreprocessor.fromStrokes(
                        PenDigitPlacer.place(digit.strokes(), MnistPreprocessor.PAD_SIZE, extent), MnistPreprocessor.PAD_SIZE);
                System.arraycopy(input, 0, batch, i * 784, 784);
            }
            float[][] rows = classifier.probabilities(batch, count);
            for (int i = 0; i < count; i++) {
                matrix.add(digits.get(start + i).label(), Evaluator.argmax(rows[i]));
            }
        }
        return matrix;
    }
}
