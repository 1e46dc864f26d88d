package app.digitpad.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI in a JVM of its own (for what only a real process shows: signals, the terminal), with its own DigitPad home. */
final class ChildCli {
    private ChildCli() {}

    static ProcessBuilder command(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-DOPT_OUT_TRACKING=true",
                "-Ddigitpad.home=" + home, Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
