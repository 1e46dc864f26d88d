package app.digitpad.cli;

import ai.djl.engine.Engine;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.io.ProcessClock;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: trains a network on MNIST with the app's training loop and saves it as a model file. */
@Command(name = "train", sortOptions = false,
        description = {"Train a network on MNIST and save it.",
            "The model goes to a new file in ~/.digitpad/models/ unless --out says otherwise. Ctrl+C stops between "
                + "batches and saves nothing."})
final class TrainCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainCommand.class);

    private static final TrainingConfig DEFAULTS = TrainingConfig.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--arch", paramLabel = "ID", completionCandidates = Choices.Architectures.class,
            description = "Network: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Architecture architecture = DEFAULTS.architecture();

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Images per batch (default ${DEFAULT-VALUE}).")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--lr", paramLabel = "X", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    float learningRate = DEFAULTS.learningRate();

    @Option(names = "--schedule", paramLabel = "NAME", completionCandidates = Choices.Schedules.class,
            description = "Learning-rate schedule: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Schedule schedule = DEFAULTS.schedule();

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--train-limit", paramLabel = "N", description = "Train on a random N of the 60,000 images (default: all).")
    int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Test on the first N of the 10,000 test images (default: all).")
    int testLimit;

    @Option(names = "--augment", description = "Random rotation, scale, shear, shift, elastic warp and stroke width.")
    boolean augment;

    @Option(names = "--data", paramLabel = "mnist|mnist+pen", completionCandidates = Choices.TrainingSets.class,
            description = "What to train on (default mnist); mnist+pen adds pen digits and \"not a digit\".")
    TrainingData data = DEFAULTS.data();

    @Option(names = "--pen", paramLabel = "FILE", description = "Pen digits for mnist+pen instead of the bundled set "
            + "(with --nondigits).")
    Path penFile;

    @Option(names = "--nondigits", paramLabel = "FILE", description = "Pen-written non-digits for mnist+pen instead of the "
            + "bundled set (with --pen).")
    Path nonDigitsFile;

    @Mixin
    DatasetOption dataset;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the model (default: a new file in ~/.digitpad/models/).")
    Path out;

    @Option(names = "--profile", description = "Print where the time went: process steps, and each part of a training batch.")
    boolean profile;

    @Override
    public Integer call() throws Exception {
        RunProfileReport report = new RunProfileReport();
        report.step("JVM start and command line", ProcessClock.ageNanos());
        TrainingConfig config = config();
        PrintWriter print = spec.commandLine().getOut();
        long t = System.nanoTime();
        // MNIST is decompressed while PyTorch's libraries load: one core each, instead of one after the other
        MnistLoader loader = new MnistLoader(dataset.source);
        CompletableFuture<MnistData> trainLoad = load(loader::train);
        CompletableFuture<MnistData> testLoad = load(loader::test);
        Engine.getInstance();
        report.step("PyTorch engine load (MNIST loading beside it)", System.nanoTime() - t);
        t = System.nanoTime();
        Path target = out != null ? out : ModelStore.userDefault().newModelPath(config.architecture().id());
        PenTrainingSet pen = config.data() == TrainingData.MNIST_PEN ? penData() : null;
        MnistData train = joined(trainLoad);
        MnistData test = joined(testLoad);
        report.step("data load, after the engine's", System.nanoTime() - t);
        CurveRecorder curves = new CurveRecorder(); // saved with the model: the app's run history shows them
        TrainingRun run = new TrainingRun(config, train, test, pen, TrainingListener.all(new ConsoleProgress(print), curves));
        // Ctrl+C cancels the run; the message below is printed before the JVM may halt
        try (CancelOnShutdown stopOnInterrupt = new CancelOnShutdown(run::cancel)) {
            t = System.nanoTime();
            try (TrainingResult result = run.run()) {
                report.step("training run (loop, test passes, threshold)", System.nanoTime() - t);
                t = System.nanoTime();
                ModelFiles.save(result.classifier(), curves.log(), target);
                report.step("save", System.nanoTime() - t);
                print.printf("Saved %s to %s (training took %s)%n", result.classifier().metadata().summary(), target,
                        Durations.format(result.trainingMillis()));
                if (profile) {
                    report.print(print, run.profile(), ProcessClock.ageNanos());
                }
            } catch (TrainingCancelledException e) {
                LOG.info("{} Nothing was saved.", e.getMessage());
                print.flush();
                // on a terminal the progress bar's line is still open
                spec.commandLine().getErr().println((System.console() != null ? System.lineSeparator() : "") + "digitpad: "
                        + e.getMessage() + " Nothing was saved.");
                spec.commandLine().getErr().flush();
                return CliErrors.FAILED;
            }
        }
        return 0;
    }

    /** The options as a training configuration; out-of-range values are a bad command line. */
    private TrainingConfig config() throws UsageException {
        try {
            return DEFAULTS.withArchitecture(architecture).withEpochs(epochs).withBatchSize(batchSize)
                    .withLearningRate(learningRate).withSchedule(schedule).withSeed(seed)
                    .withLimits(trainLimit, testLimit).withAugment(augment).withData(data);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private interface Load {
        MnistData get() throws IOException;
    }

    private static CompletableFuture<MnistData> load(Load load) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return load.get();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The loaded set, or the loader's own exception (a bad file's one-line message). */
    private static MnistData joined(CompletableFuture<MnistData> load) throws IOException {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The bundled pen sets, or the files given; read whole before training starts. */
    private PenTrainingSet penData() throws IOException, UsageException {
        if (penFile == null && nonDigitsFile == null) {
            return PenTrainingSet.loadBundled();
        }
        if (penFile == null || nonDigitsFile == null) {
            throw new UsageException("--pen and --nondigits go together: give both files or neither.");
        }
        return PenTrainingSet.load(penFile, nonDigitsFile);
    }
}
