package app.digitpad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports what went wrong: one sentence on stderr starting "digitpad: ", never a
 * stack trace. A command line that cannot run exits {@value #BAD_COMMAND_LINE} and adds where to find
 * the options; work that failed (a bad file, the engine) exits {@value #FAILED}.
 */
final class CliErrors {
    static final int FAILED = 1;
    static final int BAD_COMMAND_LINE = 2;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {}

    /** picocli's parse errors, in DigitPad's words. */
    static int badCommandLine(ParameterException e, String[] args) {
        String sentence = sentence(e);
        LOG.warn("digitpad: {}", sentence);
        return usageError(e.getCommandLine(), sentence);
    }

    /** Exceptions thrown by a command's {@code call()}. */
    static int failed(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof UsageException) {
            LOG.warn("digitpad {}: {}", command.getCommandName(), e.getMessage(), e);
            return usageError(command, e.getMessage());
        }
        LOG.error("digitpad {} failed: {}", command.getCommandName(), e.getMessage(), e);
        if (e instanceof IOException) {
            // DatasetException, ModelFormatException and unreadable inputs: the message names the file
            err.println("digitpad: " + e.getMessage());
        } else {
            err.println("digitpad: " + command.getCommandName() + " failed: " + e);
        }
        return FAILED;
    }

    private static int usageError(CommandLine command, String sentence) {
        PrintWriter err = command.getErr();
        err.println("digitpad: " + sentence);
        err.println(command.getParent() == null
                ? "Run 'digitpad help' for the commands and options."
                : "Run 'digitpad help " + command.getCommandName() + "' for its options.");
        return BAD_COMMAND_LINE;
    }

    static String sentence(ParameterException e) {
        CommandLine command = e.getCommandLine();
        Object target = command.getCommand();
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> arguments = unmatched.getUnmatched();
            String first = arguments.isEmpty() ? "" : arguments.get(0);
            if (unmatched.isUnknownOption()) {
                return "Unknown option " + first + ".";
            }
            if (command.getParent() == null) {
                return "Unknown command '" + first + "'.";
            }
            if (target instanceof ExpectsArguments expects) {
                return expects.expectedArguments();
            }
            return command.getCommandName() + " takes no positional arguments: " + arguments + ".";
        }
        if (e instanceof MissingParameterException missing) {
            for (ArgSpec spec : missing.getMissing()) {
                if (spec instanceof OptionSpec option) {
                    return "Option " + option.longestName() + " needs a value.";
                }
            }
            if (target instanceof ExpectsArguments expects) {
                return expects.expectedArguments();
            }
            return e.getMessage();
        }
        if (e instanceof OverwrittenOptionException twice && twice.getOverwritten() instanceof OptionSpec option) {
            return "Option " + option.longestName() + " is given more than once.";
        }
        ArgSpec spec = e.getArgSpec();
        if (spec instanceof OptionSpec option && e.getValue() != null && e.getCause() != null) {
            // a value that did not convert; for a list option (--k 1,3,5) the type of one element
            Class<?> type = option.auxiliaryTypes()[0];
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "Option " + option.longestName() + " needs a whole number, not '" + e.getValue() + "'.";
            }
            if (type == float.class || type == Float.class || type == double.class || type == Double.class) {
                return "Option " + option.longestName() + " needs a number, not '" + e.getValue() + "'.";
            }
            return e.getCause().getMessage(); // our converters (Architecture.fromId...) throw whole sentences
        }
        return e.getMessage();
    }
}
