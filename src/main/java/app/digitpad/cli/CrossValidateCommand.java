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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How the shipped recipe reads writers it never saw, measured on many more writers than the
 * validation split holds: the pen training split is cut into folds by writer, and each fold is read
 * by a picture model and a stroke reader trained (as shipped) on MNIST and the other folds alone.
 */
@Command(name = "cross-validate", sortOptions = false,
        description = {"The shipped recipe on writers it never saw: train without one fold of writers, read that fold.",
            "The pen training split is cut into folds by writer; for each, a picture model (MNIST + the other folds' pen "
                + "digits) and a stroke reader are trained and the fold is read as the pad reads it. Minutes per fold."})
final class CrossValidateCommand implements Callable<Integer> {
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
            throw new UsageException("--folds: " + e.getMessage() + ".");
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
        try {
            for (int fold = 0; fold < folds; fold++) {
                List<PenDigit> held = cut.in(pen.digits(), fold);
                if (held.isEmpty()) {
                    out.printf("fold %d/%d: no writers%n", fold + 1, folds);
                    continue;
                }
                PenTrainingSet rest = cut.outside(pen, fold);
                if (rest.digits().isEmpty()) {
                    out.printf("fold %d/%d: holds every writer, so there is nothing to train on%n", fold + 1, folds);
                    continue;
                }
                long start = System.nanoTime();
                TrainingRun run = new TrainingRun(config, train, test, rest, TrainingListener.NONE);
                StrokeReaderTraining strokes = new StrokeReaderTraining();
                // Ctrl+C stops whichever training runs; the shutdown hook waits for this block to close
                try (CancelOnShutdown stop = new CancelOnShutdown(() -> {
                            run.cancel();
                            strokes.cancel();
                        });
                        TrainingResult result = run.run();
                        StrokeReader reader = strokes.train(rest.digits(), new StrokeReaderTraining.Settings(strokeEpochs,
                                StrokeReaderTraining.Settings.DEFAULT.batch(), StrokeReaderTraining.Settings.DEFAULT.peakRate(),
                                StrokeReaderTraining.Settings.DEFAULT.smoothing(), seed), (e, total, loss, accuracy) -> {})) {
                    DigitClassifier classifier = result.classifier();
                    PenEvaluation both = PenEvaluation.of(classifier, reader, classifier.notDigitRule(), held,
                            PenDigitPlacer.DRAWN_EXTENT);
                    PenEvaluation alone = PenEvaluation.of(classifier, classifier.notDigitRule(), held, PenDigitPlacer.DRAWN_EXTENT);
                    joint.add(both);
                    pictures.add(alone);
                    out.printf("fold %d/%d: %s, %,d digits: jointly %.2f%% (%d misread), the pictures alone %.2f%%, "
                            + "\"not a digit\" %.2f%%; MNIST test %.2f%% (%s)%n", fold + 1, folds, count(both.writers().size(), "writer"),
                            both.digits(), both.accuracy() * 100, both.misreads().size(), alone.accuracy() * 100,
                            both.digitsFlaggedShare() * 100, result.lastEpoch().testAccuracy() * 100,
                            Durations.format((System.nanoTime() - start) / 1_000_000));
                    out.flush();
                }
            }
        } catch (TrainingCancelledException e) {
            out.flush();
            spec.commandLine().getErr().println("digitpad: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CliErrors.FAILED;
        }
        if (joint.digits() == 0) {
            out.println("No fold could be read: give pen digits by more writers.");
            return CliErrors.FAILED;
        }
        out.printf("All folds, %,d digits by %d writers no model trained on:%n", joint.digits(), joint.writers().size());
        out.printf("  read jointly        %.2f%% (%d misread)%n", joint.accuracy() * 100, joint.misreads().size());
        out.printf("  the pictures alone  %.2f%% (%d misread)%n", pictures.accuracy() * 100, pictures.misreads().size());
        out.printf("  answered \"not a digit\" %.2f%%%n", joint.flaggedShare() * 100);
        out.println("  read jointly, " + joint.writersUnder(0.96, 12));
        out.println("  most common misreads (jointly): " + joint.commonMisreads(8));
        if (misreads) {
            out.printf("Misread digits: %d%n", joint.misreads().size());
            for (PenEvaluation.Misread m : joint.misreads()) {
                out.printf("  %s (%s): %d read as %d, %.1f%%%s%n", m.id(), m.writer(), m.label(), m.answer(),
                        m.probability() * 100, m.flagged() ? ", and \"not a digit\"" : "");
            }
        }
        return 0;
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
