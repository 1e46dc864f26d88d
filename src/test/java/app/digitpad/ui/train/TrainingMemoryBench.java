package app.digitpad.ui.train;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Does a training run leak native memory? Runs {@link TrainingRun} (fast-cnn by default, 5 epochs)
 * and prints the process's resident set size (VmRSS from /proc/self/status, and its peak), the Java heap
 * and the JVM's direct buffers in use before training, in the middle and at the end of each epoch, and after the model is closed.
 * A steadily growing RSS across epochs would mean per-batch NDArrays escape their managers. The
 * Java heap grows too until the collector catches up, so to see native memory alone run it with a
 * fixed, pre-touched heap: {@code MAVEN_OPTS="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"} (then the heap is
 * resident from the start and all later RSS growth is outside it).
 *
 * <pre>mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=app.digitpad.ui.train.TrainingMemoryBench -Dexec.args="5 20000 fast-cnn"</pre>
 * Arguments (all optional): epochs, training images (0 = all 60,000), architecture id.
 */
public final class TrainingMemoryBench {
    private TrainingMemoryBench() {}

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int trainLimit = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Architecture architecture = args.length > 2 ? Architecture.fromId(args[2]) : Architecture.FAST_CNN;
        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        MnistData train = loader.train();
        MnistData test = loader.test();
        TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withEpochs(epochs)
                .withLimits(trainLimit, 0);
        System.out.printf(Locale.US, "%s, %d epochs, batch %d, %s training images, all 10,000 test images%n",
                architecture.id(), epochs, config.batchSize(), trainLimit == 0 ? "all 60,000" : String.format(Locale.US, "%,d", trainLimit));
        sample("MNIST loaded, before training");
        long start = System.nanoTime();
        TrainingListener listener = new TrainingListener() {
            private int lastQuarter;

            @Override
            public void onBatch(BatchProgress p) {
                // One extra sample in the middle of each epoch, to see growth within an epoch too.
                if (p.batch() == p.batchesPerEpoch() / 2) {
                    sample(String.format(Locale.US, "epoch %d, batch %d/%d", p.epoch(), p.batch(), p.batchesPerEpoch()));
                }
            }

            @Override
            public void onEpoch(EpochResult r) {
                sample(String.format(Locale.US, "after epoch %d (test %.2f%%, %,.0f img/s, %s)", r.epoch(),
                        r.testAccuracy() * 100, r.imagesPerSecond(), Durations.format(r.elapsedMillis())));
            }
        };
        try (TrainingResult result = new TrainingRun(config, train, test, listener).run()) {
            System.out.printf(Locale.US, "trained in %s%n", Durations.format((System.nanoTime() - start) / 1_000_000));
        }
        sample("model closed");
        System.gc();
        sample("model closed, after System.gc()");
    }

    private static void sample(String when) {
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long committedMb = runtime.totalMemory() >> 20;
        long directMb = java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)
                .stream().filter(pool -> pool.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed)
                .sum() >> 20;
        System.out.printf(Locale.US, "RSS %,6d MB (peak %,6d)  heap committed %,5d MB, used %,5d MB  direct buffers %,4d MB  %s%n",
                rssMb(), status("VmHWM:"), committedMb, heapMb, directMb, when);
        System.out.flush();
    }

    /** Resident set size of this process in MB, from /proc/self/status (Linux); -1 elsewhere. */
    static long rssMb() {
        return status("VmRSS:");
    }

    /** A kB figure of /proc/self/status in MB (VmRSS, VmHWM: the peak), -1 where there is none. */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
