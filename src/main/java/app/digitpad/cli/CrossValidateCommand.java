package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.data.WriterFolds;
import app.digitpad.ml.eval.PenEvaluation;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.train.Durations;
import app.digitpad.ml.train.StrokeReaderTraining;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the shipped model's recipe, as this build trains it, reads writers it never saw, on many more
 * writers than the validation split holds: the pen training split is cut into folds by writer, and
 * each fold is read by a picture model and a stroke reader trained on MNIST and the other folds alone.
 */
@Command(name = "cross-validate", sortOptions = false,
        description = {"The shipped recipe on writers it never saw: train without one fold of writers, read that fold.",
            "The pen training split is cut into folds by writer; for each, a picture model (MNIST + the other folds' pen "
                + "digits) and a stroke reader are trained with this build's recipe and the fold is read as the pad reads it. "
                + "Minutes per fold; Ctrl+C stops between batches and keeps the folds already read."})
final class CrossValidateCommand implements Callable<Integer> {
    /** The worst-writer goal of issue #12: writers read worse than this are named. */
    private static final double WORST_WRITER_GOAL = 0.96;
    private static final int NAMED_WRITERS = 12;
    private static final int NAMED_MISREADS = 8;

    /** The shipped picture model's recipe: {@code train --data mnist+pen --epochs 10 --augment --batch 128 --lr 0.012}. */
    static final TrainingConfig RECIPE = TrainingConfig.defaults().withData(TrainingData.MNIST_PEN).withEpochs(10)
            .withAugment(true).withBatchSize(128).withLearningRate(0.012f);

    @Spec
    CommandSpec spec;

    @Option(names = "--folds", paramLabel = "K", description = "Folds of writers (default ${DEFAULT-VALUE}).")
    int folds = 3;

    @Option(names = "--epochs", paramLabel = "N", description = "The picture model's epochs (default ${DEFAULT-VALUE}).")
    int epochs = RECIPE.epochs();

    @Option(names = "--strokes-epochs", paramLabel = "N", description = "The stroke reader's epochs (default ${DEFAULT-VALUE}).")
    int strokeEpochs = StrokeReaderTraining.Settings.DEFAULT.epochs();

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train the picture models on a random N of the 60,000 MNIST images (default: all).")
    int trainLimit;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of both trainings (default ${DEFAULT-VALUE}).")
    long seed = RECIPE.seed();

    @Option(names = "--pen", paramLabel = "FILE", description = "Pen digits to cut into folds instead of the bundled "
            + "training split (with --nondigits).")
    Path penFile;

    @Option(names = "--nondigits", paramLabel = "FILE", description = "Pen-written non-digits, cut by the same writers "
            + "(with --pen).")
    Path nonDigitsFile;

    @Option(names = "--misreads", description = "Also list every digit read as another, jointly.")
    boolean misreads;

    @Mixin
    DatasetOption dataset;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = config();
        if (strokeEpochs < 1) {
            throw new UsageException("--strokes-epochs must be at least 1.");
        }
        if ((penFile == null) != (nonDigitsFile == null)) {
            throw new UsageException("--pen and --nondigits go together: give both files or neither.");
        }
        WriterFolds cut;
        try {
            cut = new WriterFolds(folds);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--folds must be 2 to 256, not " + folds + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        PenTrainingSet pen = penFile == null ? PenTrainingSet.loadBundled() : PenTrainingSet.load(penFile, nonDigitsFile);
        MnistLoader loader = new MnistLoader(dataset.source);
        MnistData train = loader.train();
        MnistData test = loader.test();
        out.printf("Cross-validation over writers: %,d pen digits by %d writers%s in %d folds%n", pen.digits().size(),
                writers(pen.digits()), penFile == null ? " (the bundled training split)" : " from " + penFile, folds);
        out.printf("Each fold is read jointly by a %s model (%s%s) and a stroke reader (%s) trained without its writers%n",
                config.architecture().id(), epochs(config.epochs()),
                trainLimit > 0 ? String.format(", %,d MNIST images", trainLimit) : "", epochs(strokeEpochs));
        out.flush();
        FoldTotals joint = new FoldTotals();
        FoldTotals pictures = new FoldTotals();
        Stopper stopper = new Stopper();
        // one hook for the whole command: Ctrl+C stops the training that runs, and the message is printed before the JVM halts
        try (CancelOnShutdown stopOnInterrupt = new CancelOnShutdown(stopper::stop)) {
            for (int fold = 0; fold < folds && !stopper.stopped(); fold++) {
                String name = String.format("fold %d/%d", fold + 1, folds);
                List<PenDigit> held = cut.in(pen.digits(), fold);
                PenTrainingSet rest = cut.outside(pen, fold);
                if (held.isEmpty() || rest.digits().isEmpty() || rest.nonDigits().isEmpty()) {
                    out.printf("%s: skipped, %s%n", name, held.isEmpty() ? "none of the writers is in it"
                            : "the other folds hold no pen " + (rest.digits().isEmpty() ? "digits" : "non-digits") + " to train on");
                    continue;
                }
                out.printf("%s: training without its %s, on %,d pen digits and %,d non-digits by the others...%n", name,
                        count(writers(held), "writer"), rest.digits().size(), rest.nonDigits().size());
                out.flush();
                long start = System.nanoTime();
                try (TrainingResult result = stopper.run(new TrainingRun(config, train, test, rest, TrainingListener.NONE));
                        StrokeReader reader = stopper.train(new StrokeReaderTraining(), rest.all(), strokeSettings())) {
                    List<PenDigit> read = new ArrayList<>(held);
                    read.addAll(cut.in(pen.nonDigits(), fold));
                    DigitClassifier classifier = result.classifier();
                    PenEvaluation both = PenEvaluation.of(classifier, reader, classifier.notDigitRule(), read, PenDigitPlacer.DRAWN_EXTENT);
                    PenEvaluation alone = PenEvaluation.of(classifier, classifier.notDigitRule(), read, PenDigitPlacer.DRAWN_EXTENT);
                    joint.add(both);
                    pictures.add(alone);
                    out.printf("%s: %,d digits read jointly %.2f%% (%d misread), the pictures alone %.2f%%; digits answered "
                            + "\"not a digit\" %.2f%%, non-digits %.2f%%; MNIST test %.2f%% (%s)%n", name, both.digits(),
                            both.accuracy() * 100, both.misreads().size(), alone.accuracy() * 100, both.digitsFlaggedShare() * 100,
                            both.nonDigitsFlaggedShare() * 100, result.lastEpoch().testAccuracy() * 100,
                            Durations.format((System.nanoTime() - start) / 1_000_000));
                    out.flush();
                } catch (TrainingCancelledException e) {
                    break;
                }
            }
            if (stopper.stopped()) {
                out.flush();
                spec.commandLine().getErr().println("digitpad: Cross-validation cancelled; the folds above were read.");
                spec.commandLine().getErr().flush();
                return CliErrors.FAILED;
            }
        }
        if (joint.digits() == 0) {
            out.println("No fold could be read: give pen digits and non-digits by more writers.");
            return CliErrors.FAILED;
        }
        out.printf("All folds, %,d digits by %d writers no model trained on:%n", joint.digits(), joint.writers().size());
        out.printf("  read jointly        %.2f%% (%d misread)%n", joint.accuracy() * 100, joint.misreads().size());
        out.printf("  the pictures alone  %.2f%% (%d misread)%n", pictures.accuracy() * 100, pictures.misreads().size());
        out.printf("  misread at least %.0f%% sure: jointly %d, the pictures alone %d%n", PenEvaluation.SURE * 100,
                PenEvaluation.sureMisreads(joint.misreads()), PenEvaluation.sureMisreads(pictures.misreads()));
        out.printf("  answered \"not a digit\": digits %.2f%%, non-digits %.2f%% of %,d (the pictures alone: %.2f%%, %.2f%%)%n",
                joint.flaggedShare() * 100, joint.nonDigitsFlaggedShare() * 100, joint.nonDigits(), pictures.flaggedShare() * 100,
                pictures.nonDigitsFlaggedShare() * 100);
        out.println("  read jointly, " + joint.writersUnder(WORST_WRITER_GOAL, NAMED_WRITERS));
        out.println("  most common misreads (jointly): " + joint.commonMisreads(NAMED_MISREADS));
        if (misreads) {
            PenDigitsCommand.printMisreads(out, joint.misreads());
        }
        return 0;
    }

    private StrokeReaderTraining.Settings strokeSettings() {
        StrokeReaderTraining.Settings d = StrokeReaderTraining.Settings.DEFAULT;
        return new StrokeReaderTraining.Settings(strokeEpochs, d.batch(), d.peakRate(), d.smoothing(), seed);
    }

    /** Cancels whichever training runs when asked, and remembers that it was asked. */
    private static final class Stopper {
        private volatile boolean stopped;
        private volatile Runnable cancel = () -> {};

        void stop() {
            stopped = true;
            cancel.run();
        }

        boolean stopped() {
            return stopped;
        }

        TrainingResult run(TrainingRun run) throws TrainingCancelledException {
            cancel = run::cancel;
            if (stopped) {
                run.cancel();
            }
            return run.run();
        }

        StrokeReader train(StrokeReaderTraining training, List<PenDigit> digits, StrokeReaderTraining.Settings settings)
                throws TrainingCancelledException {
            cancel = training::cancel;
            if (stopped) {
                training.cancel();
            }
            return training.train(digits, settings, (epoch, total, loss, accuracy) -> {});
        }
    }

    private TrainingConfig config() throws UsageException {
        try {
            return RECIPE.withEpochs(epochs).withSeed(seed).withLimits(trainLimit, 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String epochs(int n) {
        return count(n, "epoch");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static long writers(List<PenDigit> digits) {
        return digits.stream().map(PenDigit::writer).distinct().count();
    }
}
