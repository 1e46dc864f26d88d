package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.PenEvaluation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        assertSureMisreadsMatchTheList(out, "Misread at least 90% sure: ");

        CliRun plain = new CliRun();
        assertEquals(0, plain.run("pendigits", "bundled", "--file", file.toString()), plain.err());
        assertFalse(plain.out().contains("Misread digits"), "only when asked: " + plain.out());
    }

    @Test
    void sureMisreadsAreTheUnflaggedOnesFromNinetyPercentOn() {
        List<PenEvaluation.Misread> misreads = List.of(
                new PenEvaluation.Misread("a", "w", 1, 7, 0.9f, false),
                new PenEvaluation.Misread("b", "w", 1, 7, 0.89f, false),
                new PenEvaluation.Misread("c", "w", 1, 7, 0.99f, true));
        assertEquals(1, PenEvaluation.sureMisreads(misreads));
    }

    /**
     * The count after {@code prefix} must be the listed misreads printed at 90% or more and not
     * flagged; one printed as "90.0%" may be just under, so it may count either way.
     */
    static void assertSureMisreadsMatchTheList(String out, String prefix) {
        Matcher line = Pattern.compile(" read as \\d, ([\\d.]+)%(, and \"not a digit\")?").matcher(out);
        int sure = 0;
        int edge = 0;
        while (line.find()) {
            double p = Double.parseDouble(line.group(1));
            if (line.group(2) == null && p >= 90) {
                if (p == 90.0) {
                    edge++;
                } else {
                    sure++;
                }
            }
        }
        Matcher count = Pattern.compile(Pattern.quote(prefix) + "(\\d+)").matcher(out);
        assertTrue(count.find(), out);
        int printed = Integer.parseInt(count.group(1));
        assertTrue(printed >= sure && printed <= sure + edge, printed + " sure misreads, the list has " + sure + " (+" + edge + "): " + out);
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
