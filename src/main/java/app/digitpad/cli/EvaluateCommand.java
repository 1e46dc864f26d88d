package app.digitpad.cli;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ml.model.DigitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evaluate MODEL}: accuracy, loss and confusion matrix on the MNIST test set. */
@Command(name = "evaluate", sortOptions = false,
        description = "Accuracy, loss and confusion matrix on the MNIST test set.")
final class EvaluateCommand implements Callable<Integer>, ExpectsArguments {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Mixin
    DatasetOption dataset;

    @Option(names = "--test-limit", paramLabel = "N", description = "Only the first N of the 10,000 test images (default: all).")
    int testLimit;

    @Override
    public String expectedArguments() {
        return "evaluate needs exactly one model file (or 'bundled').";
    }

    @Override
    public Integer call() throws Exception {
        MnistData test = new MnistLoader(dataset.source).test();
        if (testLimit > 0 && testLimit < test.size()) {
            test = test.slice(0, testLimit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DigitClassifier classifier = ModelArgument.load(model)) {
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
}
