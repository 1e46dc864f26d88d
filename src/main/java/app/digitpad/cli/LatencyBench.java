package app.digitpad.cli;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Stroke;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Single-image latency the way the live pad pays it: render the strokes with the pad's brush,
 * normalize to 28x28, one forward pass. Uses the pen digits beside the project.
 */
final class LatencyBench {
    private final PrintWriter out;

    LatencyBench(PrintWriter out) {
        this.out = out;
    }

    void run(DigitClassifier classifier) throws Exception {
        if (!Files.isRegularFile(PenDigitsCommand.DEFAULT_FILE)) {
            out.println("single-image latency: skipped, " + PenDigitsCommand.DEFAULT_FILE + " not found");
            return;
        }
        List<PenDigit> digits;
        try {
            digits = PenDigits.load(PenDigitsCommand.DEFAULT_FILE);
        } catch (java.io.IOException e) {
            out.println("single-image latency: skipped, " + e.getMessage());
            return;
        }
        if (digits.isEmpty()) {
            out.println("single-image latency: skipped, no pen digits in " + PenDigitsCommand.DEFAULT_FILE);
            return;
        }
        List<List<Stroke>> drawings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            drawings.add(PenDigitPlacer.place(digits.get(i * 23 % digits.size()).strokes(), MnistPreprocessor.PAD_SIZE));
        }
        // Untimed first: until the JIT has compiled the renderer and normalization, the p99 would
        // measure compilation, not the pad (the app warms this path at launch too).
        for (int i = 0; i < 300; i++) {
            classifier.predict(MnistPreprocessor.fromStrokes(drawings.get(i % drawings.size())));
        }
        int runs = 2000;
        long[] total = new long[runs];
        long[] forward = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            float[] input = MnistPreprocessor.fromStrokes(drawings.get(i % drawings.size()));
            long normalized = System.nanoTime();
            classifier.predict(input);
            long end = System.nanoTime();
            total[i] = end - start;
            forward[i] = end - normalized;
        }
        Arrays.sort(total);
        Arrays.sort(forward);
        out.printf("== single-image latency (%s, %d runs of pen digits on the %d px pad) ==%n",
                classifier.metadata().architecture().id(), runs, MnistPreprocessor.PAD_SIZE);
        out.printf("render + normalize + forward: p50 %.2f ms, p99 %.2f ms%n", total[runs / 2] / 1e6, total[runs * 99 / 100] / 1e6);
        out.printf("forward pass alone:           p50 %.2f ms, p99 %.2f ms%n", forward[runs / 2] / 1e6, forward[runs * 99 / 100] / 1e6);
    }
}
