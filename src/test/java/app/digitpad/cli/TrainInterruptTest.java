package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C during {@code train}, for real: a child JVM gets the signal while it trains. */
class TrainInterruptTest {
    @TempDir
    Path dir;

    @Test
    void interruptedTrainingSaysSoAndLeavesNoFileBehind() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "sends POSIX signals and reads /proc (Linux)");
        Path models = dir.resolve("models");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = ChildCli.command(dir.resolve("home"), "train", "--epochs", "3", "--test-limit", "1000",
                        "--out", models.resolve("interrupted.dpmodel").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        String signal;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(out).contains("Training fast-cnn")) {
                assertTrue(child.isAlive(), () -> "the child ended before training: " + read(err));
                assertTrue(System.nanoTime() < deadline, "no training within 90 s");
                Thread.sleep(50);
            }
            Thread.sleep(1_000); // into the batches
            // A JVM started with SIGINT ignored (a background job of a shell without job control)
            // keeps ignoring it; SIGTERM then takes the same path through the shutdown hooks.
            signal = ignores(child.pid(), 2) ? "TERM" : "INT";
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start().waitFor());
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child exits after SIG" + signal);
        } finally {
            child.destroyForcibly();
        }
        String errors = read(err);
        assertNotEquals(0, child.exitValue());
        assertTrue(errors.contains("digitpad: Training cancelled at epoch 1, batch "), "SIG" + signal + ": " + errors);
        assertTrue(errors.contains("Nothing was saved."), errors);
        assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
        assertFalse(read(out).contains("Saved "), read(out));
        try (Stream<Path> left = Files.exists(models) ? Files.list(models) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "no model and no temporary file");
        }
    }

    /** Whether the process ignores signal {@code number} (its SigIgn mask in /proc). */
    private static boolean ignores(long pid, int number) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
