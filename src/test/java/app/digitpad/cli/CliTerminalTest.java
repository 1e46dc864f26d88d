package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CLI command prints its own output and nothing else; DJL's INFO and WARN lines go to the log file. */
class CliTerminalTest {
    @TempDir
    Path dir;

    @Test
    void evaluatePrintsOnlyItsResultAndTheEngineLogsToTheFile() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = ChildCli.command(dir.resolve("home"), "evaluate", "bundled", "--test-limit", "20")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "evaluate finishes");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(0, child.exitValue(), Files.readString(err));
        assertEquals("", Files.readString(err), "nothing on stderr");
        String printed = Files.readString(out);
        assertTrue(printed.startsWith("Model: fast-cnn"), printed);
        assertTrue(printed.lines().noneMatch(line -> line.contains("ai.djl") || line.contains("INFO")), printed);
        String log = Files.readString(dir.resolve("home").resolve("logs").resolve("digitpad.log"));
        assertTrue(LogFile.entries(dir.resolve("home").resolve("logs").resolve("digitpad.log")).stream()
                .anyMatch(entry -> entry.contains(" INFO  [main] ai.djl.pytorch.engine.PtEngine - ")), log);
    }
}
