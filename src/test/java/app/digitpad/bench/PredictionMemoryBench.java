package app.digitpad.bench;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import app.digitpad.ml.io.NativeMemory;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Does the pad's recognition leak? Recognizes pen digits one at a time as the pad does (strokes to
 * 28x28, then the shipped model), 1,000 times to warm up and then 10,000 times, printing the
 * process's resident set size, the Java heap and the JVM's direct buffers every 2,000.
 *
 * <pre>mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -XX:MaxNewSize=48m -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     app.digitpad.bench.PredictionMemoryBench</pre>
 *
 * with the heap options of the packaged app (packaging/jpackage.txt); without the young generation's
 * cap, G1 lets it grow for thousands of predictions before its first collection.
 */
public final class PredictionMemoryBench {
    private PredictionMemoryBench() {}

    public static void main(String[] args) throws Exception {
        NativeMemory.tuneMallocForTensors(); // as the app does before PyTorch allocates
        List<PenDigit> digits;
        try (InputStream in = PredictionMemoryBench.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            digits = PenDigits.read(in, "pendigits-sample.jsonl");
        }
        try (DigitClassifier model = ModelFiles.loadBundled()) {
            for (int i = 0; i < 1_000; i++) {
                model.predict(MnistPreprocessor.fromStrokes(digits.get(i % digits.size()).strokes()));
            }
            sample("after 1,000 predictions of warm-up");
            long low = Long.MAX_VALUE;
            long high = 0;
            for (int i = 1; i <= 10_000; i++) {
                model.predict(MnistPreprocessor.fromStrokes(digits.get(i % digits.size()).strokes()));
                if (i % 2_000 == 0) {
                    long rss = sample(String.format(Locale.US, "after %,d more", i));
                    low = Math.min(low, rss);
                    high = Math.max(high, rss);
                }
            }
            System.out.printf(Locale.US, "RSS over the 10,000: %,d to %,d MB (%,d MB apart)%n", low, high, high - low);
        }
    }

    private static long sample(String when) throws Exception {
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        Runtime runtime = Runtime.getRuntime();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        System.out.printf(Locale.US, "RSS %,5d MB  heap used %,4d MB  direct buffers %,4d KB  %s%n", rss,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, direct >> 10, when);
        return rss;
    }
}
