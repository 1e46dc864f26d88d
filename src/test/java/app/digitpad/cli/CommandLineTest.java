package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import app.digitpad.ml.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The picocli side of the command line: generated help, version, completion, and errors without stack traces. */
class CommandLineTest {
    private final CliRun cli = new CliRun();

    /** The commands as the command line knows them, so a command added later is covered too. */
    private static Map<String, CommandLine> commands() {
        return Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands();
    }

    @Test
    void everyCommandTheIssueNamesIsThere() {
        assertTrue(commands().keySet().containsAll(List.of("train", "evaluate", "predict", "pendigits", "bench", "self-test", "help")),
                commands().keySet().toString());
    }

    @Test
    void everyCommandHasGeneratedHelpListingItsOptions() {
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            CliRun run = new CliRun();
            assertEquals(0, run.run(command.getKey(), "--help"), command.getKey() + ": " + run.err());
            assertTrue(run.out().contains("Usage: digitpad " + command.getKey()), run.out());
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                assertTrue(run.out().contains(option.longestName()), command.getKey() + " --help lacks " + option.longestName());
            }
            assertEquals("", run.err());
            // 'help COMMAND' prints the same page
            CliRun help = new CliRun();
            assertEquals(0, help.run("help", command.getKey()));
            assertEquals(run.out(), help.out());
        }
    }

    @Test
    void trainHelpShowsTheDefaultsAndChoices() {
        assertEquals(0, cli.run("train", "--help"));
        String help = cli.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("seed-cnn, lenet5, mlp, fast-cnn (default fast-cnn)"), help);
        assertTrue(help.contains("constant, cosine, one-cycle"), help);
        assertTrue(help.contains("(default " + TrainingConfig.defaults().batchSize() + ")"), help);
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        assertEquals(0, cli.run("--help"));
        for (String command : List.of("train", "evaluate", "predict", "pendigits", "bench", "self-test")) {
            assertTrue(Pattern.compile("(?m)^  " + command + " ").matcher(cli.out()).find(), command + " missing from " + cli.out());
        }
        assertTrue(cli.out().contains("2 a bad command line"), cli.out());
        CliRun help = new CliRun();
        assertEquals(0, help.run("help"));
        assertEquals(cli.out(), help.out());
    }

    @Test
    void noCommandPrintsTheOverviewOnStderrAndExitsTwo() {
        assertEquals(2, cli.run());
        assertTrue(cli.err().startsWith("Usage: digitpad"), cli.err());
        assertEquals("", cli.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNamesTheAppDjlAndPyTorch(String option) {
        assertEquals(0, cli.run(option));
        String[] lines = cli.out().strip().split("\\R");
        assertTrue(lines[0].matches("DigitPad \\d+\\.\\d+\\.\\d+"), lines[0]);
        assertTrue(lines[1].matches("Deep Java Library \\d+\\.\\d+\\.\\d+, PyTorch \\d+\\.\\d+\\.\\d+ \\(CPU\\)"), lines[1]);
        assertTrue(lines[2].startsWith("Java " + System.getProperty("java.version")), lines[2]);
    }

    @Test
    void commandsTakeVersionToo() {
        assertEquals(0, cli.run("evaluate", "--version"));
        assertTrue(cli.out().startsWith("DigitPad "), cli.out());
    }

    /** One sentence, the hint, exit 2; no picocli wording, no stack trace. */
    private void assertUsageError(String expected, String... args) {
        CliRun run = new CliRun();
        assertEquals(2, run.run(args), String.join(" ", args) + ": " + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertEquals("digitpad: " + expected, lines.get(0));
        assertTrue(lines.get(1).startsWith("Run 'digitpad help"), lines.get(1));
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badCommandLinesGetOneSentenceAndAHint() {
        assertUsageError("Unknown command 'fly'.", "fly");
        assertUsageError("Unknown option --fly.", "--fly");
        assertUsageError("Unknown option --speed.", "train", "--speed", "9");
        assertUsageError("Option --epochs needs a whole number, not 'many'.", "train", "--epochs", "many");
        assertUsageError("Option --lr needs a number, not '0.1x'.", "train", "--lr", "0.1x");
        assertUsageError("Option --lr needs a value.", "train", "--lr");
        assertUsageError("Option --epochs is given more than once.", "train", "--epochs", "2", "--epochs", "3");
        assertUsageError("Unknown schedule 'fast'; choose constant, cosine or one-cycle.", "train", "--schedule", "fast");
        assertUsageError("train takes no positional arguments: [bundled].", "train", "bundled");
        assertUsageError("evaluate needs exactly one model file (or 'bundled').", "evaluate");
        assertUsageError("evaluate needs exactly one model file (or 'bundled').", "evaluate", "a.dpmodel", "b.dpmodel");
        assertUsageError("pendigits needs exactly one model file (or 'bundled').", "pendigits");
        assertUsageError("predict needs a model file (or 'bundled') and at least one image.", "predict");
        assertUsageError("Unknown option --bogus.", "self-test", "--bogus");
        assertUsageError("Option --model needs a value.", "self-test", "--model");
    }

    @Test
    void theHintNamesTheCommand() {
        assertEquals(2, cli.run("evaluate"));
        assertTrue(cli.err().contains("Run 'digitpad help evaluate' for its options."), cli.err());
    }

    @Test
    void atSignArgumentsAreFileNamesNotArgumentFiles() {
        assertEquals(1, cli.run("predict", "bundled", "@missing.png"));
        assertTrue(cli.err().contains("@missing.png does not exist"), cli.err());
    }

    @Test
    void theSelfTestIsACommand() {
        assertEquals(0, cli.run("self-test"), cli.err());
        assertTrue(cli.out().startsWith("DigitPad self-test passed: engine PyTorch "), cli.out());
    }

    @Test
    void bashCompletionCoversCommandsAndChoices() {
        assertEquals(0, cli.run("generate-completion"));
        String script = cli.out();
        assertTrue(script.contains("complete -F _complete_digitpad"), "not a bash completion script");
        for (String word : List.of("train", "evaluate", "predict", "pendigits", "bench", "self-test", "--arch",
                "--test-limit", "fast-cnn", "one-cycle")) {
            assertTrue(script.contains(word), "completion script lacks " + word);
        }
    }
}
