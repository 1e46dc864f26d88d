package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelFormatException;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * DigitPad's headless commands. Exit codes: 0 success, 1 the work failed (bad file, engine error),
 * 2 the command line was wrong.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: digitpad <command> [options]",
            "",
            "Commands:",
            "  train     Train a network on MNIST and save it.",
            "            --arch ID (" + Architecture.ids() + ", default fast-cnn)",
            "            --epochs N  --batch N  --lr X  --schedule constant|cosine|one-cycle  --seed N",
            "            --train-limit N  --test-limit N  --augment  --dataset bundled|remote|DIR  --out FILE",
            "  evaluate  MODEL|bundled  Accuracy, loss and confusion matrix on the MNIST test set.",
            "            --dataset bundled|remote|DIR  --test-limit N",
            "  predict   MODEL|bundled IMAGE.png...  Top-3 digits for each image.",
            "  bench     Throughput per architecture, time to 99% (default run) and 99.5% (long run)",
            "            for fast-cnn, inference latency.",
            "            --epochs N (default run, default 1)  --long-epochs N (default 10)  --skip-long",
            "            --arch-epochs N  --quick",
            "  pendigits MODEL|bundled  Accuracy on ../shared/pendigits drawn with the pad's brush.",
            "            --file PATH  --limit N  --extent F (share of the pad the digit spans, default 0.7)");

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(args);
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            switch (args[0]) {
                case "train":
                    return train(args);
                case "evaluate":
                    return evaluate(args);
                case "predict":
                    return new PredictCommand(out).run(new Options(args, 1, Set.of(), Set.of()).positional());
                case "pendigits":
                    return new PenDigitsCommand(out).run(new Options(args, 1, Set.of("file", "limit", "extent"), Set.of()));
                case "bench":
                    return new BenchCommand(out).run(new Options(args, 1, Set.of("epochs", "arch-epochs", "long-epochs"), Set.of("quick", "skip-long")));
                default:
                    throw new UsageException("Unknown command '" + args[0] + "'.");
            }
        } catch (UsageException | IllegalArgumentException e) {
            err.println("digitpad: " + e.getMessage());
            err.println("Run 'digitpad help' for the commands and options.");
            return 2;
        } catch (IOException e) {
            // DatasetException, ModelFormatException and unreadable inputs: the message names the file
            err.println("digitpad: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("digitpad: " + args[0] + " failed: " + e);
            return 1;
        }
    }

    private int train(String[] args) throws Exception {
        Options options = new Options(args, 1,
                Set.of("arch", "epochs", "batch", "lr", "schedule", "seed", "train-limit", "test-limit", "dataset", "out"),
                Set.of("augment"));
        if (!options.positional().isEmpty()) {
            throw new UsageException("train takes no positional arguments: " + options.positional());
        }
        TrainingConfig defaults = TrainingConfig.defaults();
        TrainingConfig config = new TrainingConfig(
                Architecture.fromId(options.string("arch", defaults.architecture().id())),
                options.integer("epochs", defaults.epochs()),
                options.integer("batch", defaults.batchSize()),
                options.decimal("lr", defaults.learningRate()),
                Schedule.fromId(options.string("schedule", defaults.schedule().id())),
                options.integer("seed", (int) defaults.seed()),
                options.integer("train-limit", 0),
                options.integer("test-limit", 0),
                options.flag("augment"));
        MnistLoader loader = new MnistLoader(MnistSource.parse(options.string("dataset", "bundled")));
        Path target = options.string("out", null) != null
                ? Path.of(options.string("out", null))
                : ModelStore.userDefault().newModelPath(config.architecture().id());
        MnistData train = loader.train();
        MnistData test = loader.test();
        CurveRecorder curves = new CurveRecorder(); // saved with the model: the app's run history shows them
        TrainingRun run = new TrainingRun(config, train, test, TrainingListener.all(new ConsoleProgress(out), curves));
        Thread stopOnInterrupt = new Thread(run::cancel);
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try (TrainingResult result = run.run()) {
            ModelFiles.save(result.classifier(), curves.log(), target);
            out.printf("Saved %s to %s (training took %s)%n", result.classifier().metadata().summary(), target,
                    app.digitpad.ml.train.Durations.format(result.trainingMillis()));
        } catch (TrainingCancelledException e) {
            err.println("digitpad: " + e.getMessage() + " Nothing was saved.");
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // already exiting
            }
        }
        return 0;
    }

    private int evaluate(String[] args) throws Exception {
        Options options = new Options(args, 1, Set.of("dataset", "test-limit"), Set.of());
        if (options.positional().size() != 1) {
            throw new UsageException("evaluate needs exactly one model file (or 'bundled').");
        }
        MnistData test = new MnistLoader(MnistSource.parse(options.string("dataset", "bundled"))).test();
        int limit = options.integer("test-limit", 0);
        if (limit > 0 && limit < test.size()) {
            test = test.slice(0, limit);
        }
        try (DigitClassifier classifier = loadModel(options.positional().get(0))) {
            long start = System.nanoTime();
            Evaluation evaluation = Evaluator.evaluate(classifier, test);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println("Model: " + classifier.metadata().summary());
            out.printf("Test images: %,d   accuracy: %.2f%%   loss: %.4f   (%.1f s, %,.0f img/s)%n", test.size(),
                    evaluation.accuracy() * 100, evaluation.loss(), seconds, test.size() / seconds);
            out.print(evaluation.matrix().toTable());
        }
        return 0;
    }

    static DigitClassifier loadModel(String argument) throws ModelFormatException {
        return "bundled".equals(argument) ? ModelFiles.loadBundled() : ModelFiles.load(Path.of(argument));
    }
}
