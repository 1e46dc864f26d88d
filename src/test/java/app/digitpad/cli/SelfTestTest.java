package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfTestTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new SelfTest(writer(out), writer(err)).run(args);
    }

    private static PrintWriter writer(ByteArrayOutputStream bytes) {
        return new PrintWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theShippedModelPassesWithOneLine() {
        assertEquals(0, run("--self-test"), err());
        String line = out().strip();
        assertTrue(line.matches("DigitPad self-test passed: engine PyTorch \\S+ \\(loaded in [0-9.]+ s\\), "
                + "model fast-cnn-[0-9]+ep \\(fast-cnn\\), 20/20 MNIST test images and 3/3 pad drawings correct in [0-9.]+ s"), line);
        assertEquals("", err());
    }

    @Test
    void aCorruptModelFailsWithTheReasonOnOneLine() throws Exception {
        Path corrupt = dir.resolve("corrupt.dpmodel");
        Files.writeString(corrupt, "garbage, not a zip");
        assertEquals(1, run("--self-test", "--model", corrupt.toString()));
        String line = err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("DigitPad self-test FAILED: loading the model failed: "), line);
        assertTrue(line.contains("corrupt.dpmodel is not a DigitPad model file"), line);
        assertEquals("", out());
    }

    @Test
    void aMissingModelIsNamed() {
        Path missing = dir.resolve("missing.dpmodel");
        assertEquals(1, run("--self-test", "--model", missing.toString()));
        assertTrue(err().contains("Model file " + missing + " does not exist."), err());
    }

    @Test
    void truncatedParametersFail() throws Exception {
        // a valid zip whose parameters are cut short: the metadata reads, the network does not load
        Path truncated = dir.resolve("truncated.dpmodel");
        try (var in = SelfTest.class.getResourceAsStream("/digitpad/models/digitpad-default.dpmodel");
                var zipIn = new java.util.zip.ZipInputStream(in);
                var zipOut = new java.util.zip.ZipOutputStream(Files.newOutputStream(truncated))) {
            java.util.zip.ZipEntry entry;
            while ((entry = zipIn.getNextEntry()) != null) {
                byte[] content = zipIn.readAllBytes();
                zipOut.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zipOut.write(content, 0, entry.getName().equals("parameters.djl") ? content.length / 2 : content.length);
                zipOut.closeEntry();
            }
        }
        assertEquals(1, run("--self-test", "--model", truncated.toString()));
        assertTrue(err().contains("does not hold valid fast-cnn parameters"), err());
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertEquals(2, run("--self-test", "--bogus"));
        assertTrue(err().contains("unexpected argument '--bogus'"), err());
    }

    @Test
    void onlyTheOptionAsksForTheSelfTest() {
        assertTrue(SelfTest.requested(new String[] {"--self-test"}));
        assertEquals(false, SelfTest.requested(new String[] {}));
    }
}
