package app.digitpad.cli;

import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.StrokeReaderTraining;
import app.digitpad.ml.train.TrainingCancelledException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train-strokes --out FILE}: trains the stroke reader that ships beside the picture model. */
@Command(name = "train-strokes", sortOptions = false,
        description = {"Train the stroke reader: the network that reads the pen's path of a drawing.",
            "The pad and the pen-data benchmarks combine its answer with the picture model's. It learns from pen "
                + "digits, and \"not a digit\" from pen-written letters and symbols and random scribbles (by default the "
                + "bundled training split, 165 writers); MNIST has no strokes."})
final class TrainStrokesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where to save the stroke reader (" + StrokeReader.EXTENSION + ").")
    Path target;

    @Option(names = "--pen", paramLabel = "FILE", description = "Pen digits to learn from instead of the bundled "
            + "training split (with --nondigits).")
    Path pen;

    @Option(names = "--nondigits", paramLabel = "FILE", description = "Pen-written non-digits instead of the bundled "
            + "set (with --pen).")
    Path nonDigits;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the pen digits (default ${DEFAULT-VALUE}).")
    int epochs = StrokeReaderTraining.Settings.DEFAULT.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch = StrokeReaderTraining.Settings.DEFAULT.batch();

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    float rate = StrokeReaderTraining.Settings.DEFAULT.peakRate();

    @Option(names = "--smoothing", paramLabel = "S",
            description = "Label smoothing: the share of each label spread over all eleven answers (default ${DEFAULT-VALUE}).")
    float smoothing = StrokeReaderTraining.Settings.DEFAULT.smoothing();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = StrokeReaderTraining.Settings.DEFAULT.seed();

    @Override
    public Integer call() throws Exception {
        if (epochs < 1 || batch < 1 || !(rate > 0) || !(smoothing >= 0 && smoothing < 1)) {
            throw new UsageException("--epochs and --batch must be at least 1, --lr above 0 and --smoothing in [0, 1).");
        }
        PrintWriter out = spec.commandLine().getOut();
        if ((pen == null) != (nonDigits == null)) {
            throw new UsageException("--pen and --nondigits go together: give both files or neither.");
        }
        PenTrainingSet set = pen == null ? PenTrainingSet.loadBundled() : PenTrainingSet.load(pen, nonDigits);
        out.printf("Training the stroke reader on %,d pen digits and %,d non-digits%s, %d epochs%n", set.digits().size(),
                set.nonDigits().size(), pen == null ? " (bundled training split)" : " from " + pen + " and " + nonDigits, epochs);
        out.flush();
        long start = System.nanoTime();
        StrokeReaderTraining training = new StrokeReaderTraining();
        // the shutdown hook waits for this to close, so a cancelled run can still say so
        try (CancelOnShutdown stopOnInterrupt = new CancelOnShutdown(training::cancel)) {
            try (StrokeReader reader = training.train(set.all(), new StrokeReaderTraining.Settings(epochs, batch, rate, smoothing, seed),
                    (epoch, total, loss, accuracy) -> {
                        out.printf("epoch %d/%d  loss %.4f  read right %.2f%% (distorted)%n", epoch, total, loss, accuracy * 100);
                        out.flush();
                    })) {
                reader.save(target);
            } catch (TrainingCancelledException e) {
                out.flush();
                spec.commandLine().getErr().println("digitpad: " + e.getMessage() + " Nothing was saved.");
                spec.commandLine().getErr().flush();
                return CliErrors.FAILED;
            }
        }
        out.printf("Saved %s after %s%n", target, Durations.format((System.nanoTime() - start) / 1_000_000));
        return 0;
    }
}
