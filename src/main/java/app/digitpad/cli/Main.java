package app.digitpad.cli;

import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.io.NativeMemory;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.Schedule;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of DigitPad's headless commands ({@code digitpad} when installed, {@code mvn exec:java}
 * from source). The commands are picocli classes listed in {@link DigitPadCommand}; exit codes: 0
 * success, 1 the work failed (bad file, engine error), 2 the command line was wrong ({@link CliErrors}).
 */
public final class Main {
    private final PrintWriter out;
    private final PrintWriter err;

    Main(PrintStream out, PrintStream err) {
        this.out = new PrintWriter(out, true);
        this.err = new PrintWriter(err, true);
    }

    public static void main(String[] args) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        NativeMemory.tuneMallocForTensors();
        System.exit(new Main(System.out, System.err).run(args));
    }

    int run(String... args) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every command, the option types that are not plain values, and the error reporting. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DigitPadCommand());
        commandLine.registerConverter(Architecture.class, Architecture::fromId);
        commandLine.registerConverter(Schedule.class, Schedule::fromId);
        commandLine.registerConverter(MnistSource.class, MnistSource::parse);
        commandLine.registerConverter(TrainingData.class, TrainingData::fromId);
        // "@file" arguments stay file names (picocli would otherwise read arguments from them)
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CliErrors::badCommandLine);
        commandLine.setExecutionExceptionHandler(CliErrors::failed);
        return commandLine;
    }
}
