package app.digitpad.cli;

import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.personal.HandwritingAdaptation;
import app.digitpad.ml.personal.PersonalSample;
import app.digitpad.ml.personal.SampleStore;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.Durations;
import app.digitpad.preprocess.PenDigit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adapt MODEL --samples FILE --out FILE}: what "Adapt to my handwriting" does in the app. */
@Command(name = "adapt", sortOptions = false,
        description = {"Adapt a model to one person's handwriting.",
            "Fine-tunes MODEL on a samples file the app saved or exported, as \"Adapt to my handwriting\" does in "
                + "the app, and saves the adapted model."})
final class AdaptCommand implements Callable<Integer>, ExpectsArguments {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
    Path model;

    @Option(names = "--samples", paramLabel = "FILE", description = "A samples file the app saved or exported.")
    Path samplesFile;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to save the adapted model.")
    Path target;

    @Option(names = "--steps", paramLabel = "N", description = "Adaptation steps (default ${DEFAULT-VALUE}).")
    int steps = Adaptation.Settings.defaults().steps();

    @Option(names = "--strokes", paramLabel = "READER", description = StrokesArgument.DESCRIPTION
            + " It is adapted too and saved in the adapted model file; 'none' adapts the picture model alone.")
    String strokes = StrokesArgument.BUNDLED;

    @Override
    public String expectedArguments() {
        return "adapt needs exactly one model file (or 'bundled').";
    }

    @Override
    public Integer call() throws Exception {
        if (samplesFile == null || target == null) {
            throw new UsageException("adapt needs --samples FILE (a samples file the app saved or exported) and --out FILE.");
        }
        if (steps < 1) {
            throw new UsageException("--steps must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(samplesFile)) {
            throw new IOException("Samples file " + samplesFile + " does not exist.");
        }
        SampleStore.Contents contents = new SampleStore(samplesFile).load();
        contents.warnings().forEach(w -> err.println("digitpad: warning: " + w));
        List<PenDigit> corrections = new ArrayList<>();
        for (PersonalSample sample : contents.samples()) {
            corrections.add(sample.asPenDigit());
        }
        MnistLoader loader = new MnistLoader(MnistSource.bundled());
        try (DigitClassifier parent = ModelArgument.load(model);
                StrokesArgument.Choice chosen = StrokesArgument.load(strokes, model)) {
            StrokeReader reader = chosen.reader();
            HandwritingAdaptation adaptation = new HandwritingAdaptation(parent, reader, corrections, loader.train(), loader.test(),
                    PenTrainingSet.loadBundled(), Adaptation.Settings.defaults().withSteps(steps), Adaptation.Listener.NONE);
            try (HandwritingAdaptation.Result adapted = adaptation.run()) {
                adapted.save(target);
                out.printf("Adapted %s on %d personal samples in %s: %s%s, saved to %s%n", parent.metadata().name(),
                        adaptation.samples(), Durations.format(adapted.model().metadata().trainingMillis()),
                        adapted.model().metadata().summary(), reader == null ? "" : ", with its stroke reader", target);
            }
        }
        return 0;
    }
}
