package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import java.io.PrintStream;
import java.util.Arrays;

/** Single-image inference latency percentiles, measured the way the live pad calls the model. */
final class LatencyBench {
    private final PrintStream out;

    LatencyBench(PrintStream out) {
        this.out = out;
    }

    void run(DigitClassifier classifier, MnistData test) throws Exception {
        int warmup = 200;
        int runs = 2000;
        long[] nanos = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            float[] image = test.image(i % test.size());
            long start = System.nanoTime();
            classifier.predict(image);
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        out.printf("== single-image inference (%s, %d runs) ==%nforward pass: p50 %.2f ms, p99 %.2f ms%n",
                classifier.metadata().architecture().id(), runs, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6);
    }
}
