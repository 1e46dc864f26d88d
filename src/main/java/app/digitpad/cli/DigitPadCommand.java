package app.digitpad.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code digitpad}: the list of commands. A new command is one class with picocli's {@code @Command}
 * (see {@link EvaluateCommand} for a small one), named here. {@code --help} and {@code --version}
 * are inherited by every command.
 */
@Command(name = "digitpad",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train, evaluate and try DigitPad's digit recognizer without the window.",
        subcommands = {
            TrainCommand.class,
            TrainStrokesCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            PenDigitsCommand.class,
            AdaptCommand.class,
            AdaptBench.class,
            HandwritingBench.class,
            CrossValidateCommand.class,
            BenchCommand.class,
            SelfTestCommand.class,
            HelpCommand.class,
            AutoComplete.GenerateCompletion.class,
        },
        sortOptions = false,
        footer = {"", "Exit codes: 0 done, 1 the work failed (a bad file, the engine),", "            2 a bad command line."})
final class DigitPadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** No command given: the overview, on stderr since nothing was done. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliErrors.BAD_COMMAND_LINE;
    }
}
