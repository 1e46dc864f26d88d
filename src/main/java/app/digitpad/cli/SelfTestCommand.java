package app.digitpad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code self-test}: the same check as the app's {@code --self-test} ({@link SelfTest}). */
@Command(name = "self-test",
        description = {"Check the installation without a window.",
            "Loads the engine and the model that ships with DigitPad (or --model), classifies 20 MNIST test images "
                + "and three digits drawn on the pad, and prints one line. Exits 1 with the reason if anything is "
                + "wrong."})
final class SelfTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Check this .dpmodel file instead of the shipped model.")
    Path model;

    @Override
    public Integer call() {
        SelfTest.quiet();
        return new SelfTest(spec.commandLine().getOut(), spec.commandLine().getErr()).check(model);
    }
}
