package app.digitpad.cli;

import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.personal.PersonalSample;
import app.digitpad.ml.personal.SampleStore;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.Durations;
import app.digitpad.preprocess.PenDigit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code adapt MODEL --samples FILE --out FILE}: what "Adapt to my handwriting" does in the app. */
final class AdaptCommand {
    private final PrintStream out;
    private final PrintStream err;

    AdaptCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Options options) throws Exception {
        if (options.positional().size() != 1) {
            throw new UsageException("adapt needs exactly one model file (or 'bundled').");
        }
        String samplesOption = options.string("samples", null);
        String outOption = options.string("out", null);
        if (samplesOption == null || outOption == null) {
            throw new UsageException("adapt needs --samples FILE (a samples file the app saved or exported) and --out FILE.");
        }
        int steps = options.integer("steps", Adaptation.Settings.defaults().steps());
        if (steps < 1) {
            throw new UsageException("--steps must be at least 1.");
        }
        Path samplesFile = Path.of(samplesOption);
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
        try (DigitClassifier parent = Main.loadModel(options.positional().get(0))) {
            Adaptation adaptation = new Adaptation(parent, corrections, loader.train(), loader.test(),
                    PenTrainingSet.loadBundled(), Adaptation.Settings.defaults().withSteps(steps), Adaptation.Listener.NONE);
            try (DigitClassifier adapted = adaptation.run()) {
                Path target = Path.of(outOption);
                ModelFiles.save(adapted, target);
                out.printf("Adapted %s on %d personal samples in %s: %s, saved to %s%n", parent.metadata().name(),
                        adaptation.samples(), Durations.format(adapted.metadata().trainingMillis()), adapted.metadata().summary(),
                        target);
            }
        }
        return 0;
    }
}
