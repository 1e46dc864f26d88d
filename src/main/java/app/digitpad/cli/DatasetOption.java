package app.digitpad.cli;

import app.digitpad.ml.data.MnistSource;
import picocli.CommandLine.Option;

/** {@code --dataset}: where MNIST comes from, for the commands that read it. */
final class DatasetOption {
    @Option(names = "--dataset", paramLabel = "bundled|remote|DIR", completionCandidates = Choices.Datasets.class,
            description = "MNIST from the copy inside DigitPad (bundled, the default), DJL's download (remote), "
                    + "or a folder with the four *-ubyte.gz files.")
    MnistSource source = MnistSource.bundled();
}
