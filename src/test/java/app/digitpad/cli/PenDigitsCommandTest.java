package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenDigitsCommandTest {
    @TempDir
    Path dir;

    @Test
    void misreadsNameEachDigitReadAsAnother() throws Exception {
        List<String> lines = sampleLines();
        // the first two pen digits, the second given a label it does not show
        String kept = lines.get(0);
        String relabelled = lines.get(1).replaceFirst("\"label\":(\\d)", "\"label\":" + otherLabel(lines.get(1)));
        Path file = dir.resolve("two.jsonl");
        Files.writeString(file, kept + "\n" + relabelled + "\n");
        CliRun cli = new CliRun();
        assertEquals(0, cli.run("pendigits", "bundled", "--file", file.toString(), "--misreads"), cli.err());
        String out = cli.out();
        assertTrue(out.contains("Accuracy: 50.00% (1 of 2)"), out);
        assertTrue(out.contains("Misread digits: 1"), out);
        assertTrue(out.contains(id(relabelled) + " (" + writer(relabelled) + "): " + otherLabel(lines.get(1)) + " read as "
                + label(lines.get(1))), out);
        assertFalse(out.contains(id(kept) + " ("), "a digit read right is not listed: " + out);

        CliRun plain = new CliRun();
        assertEquals(0, plain.run("pendigits", "bundled", "--file", file.toString()), plain.err());
        assertFalse(plain.out().contains("Misread digits"), "only when asked: " + plain.out());
    }

    private static List<String> sampleLines() throws IOException {
        try (InputStream in = PenDigitsCommandTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static int label(String line) {
        return Integer.parseInt(line.replaceFirst(".*?\"label\":(\\d).*", "$1"));
    }

    private static int otherLabel(String line) {
        return (label(line) + 5) % 10;
    }

    private static String writer(String line) {
        return line.replaceFirst(".*?\"writer\":\"([^\"]*)\".*", "$1");
    }

    private static String id(String line) {
        return line.replaceFirst(".*?\"id\":\"([^\"]*)\".*", "$1");
    }
}
