package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.io.PrintStream;

/** Prints training throughput, time to 99% test accuracy and single-image inference latency. */
final class BenchCommand {
    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) throws Exception {
        boolean quick = options.flag("quick");
        int archEpochs = options.integer("arch-epochs", 1);
        int fastEpochs = options.integer("epochs", 0);
        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        MnistData train = loader.train();
        MnistData test = loader.test();
        out.printf("DigitPad benchmark: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        out.println("\n== Training throughput (images/s per epoch, batch 128, no augmentation) ==");
        for (Architecture architecture : Architecture.values()) {
            TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withEpochs(archEpochs)
                    .withLimits(quick ? 10_000 : 0, quick ? 2_000 : 0);
            try (TrainingResult result = new TrainingRun(config, train, test, TrainingListener.NONE).run()) {
                StringBuilder line = new StringBuilder(String.format("%-9s", architecture.id()));
                for (EpochResult epoch : result.epochs()) {
                    line.append(String.format("  epoch %d: %,6.0f img/s (test %.2f%%)", epoch.epoch(),
                            epoch.imagesPerSecond(), epoch.testAccuracy() * 100));
                }
                out.println(line);
            }
        }

        TrainingConfig fast = TrainingConfig.defaults();
        if (fastEpochs > 0) {
            fast = fast.withEpochs(fastEpochs);
        }
        out.printf("%n== fast-cnn default run: %d epochs, batch %d, lr %s %s ==%n", fast.epochs(), fast.batchSize(),
                fast.learningRate(), fast.schedule().id());
        try (TrainingResult result = new TrainingRun(fast, train, test, TrainingListener.NONE).run()) {
            Long firstAt99 = null;
            for (EpochResult epoch : result.epochs()) {
                out.printf("epoch %d: test %.2f%% at %.1f s (%,.0f img/s)%n", epoch.epoch(), epoch.testAccuracy() * 100,
                        epoch.elapsedMillis() / 1000.0, epoch.imagesPerSecond());
                if (firstAt99 == null && epoch.testAccuracy() >= 0.99f) {
                    firstAt99 = epoch.elapsedMillis();
                }
            }
            out.println(firstAt99 == null ? "99.0% not reached"
                    : String.format("time to 99.0%% test accuracy: %.1f s (wall clock incl. per-epoch evaluation)", firstAt99 / 1000.0));
            out.println();
            new LatencyBench(out).run(result.classifier());
        }
        return 0;
    }
}
