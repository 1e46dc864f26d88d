package app.digitpad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.WriterFolds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidateCommandTest {
    @TempDir
    Path dir;

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = CrossValidateCommandTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static String writer(String line) {
        return line.replaceFirst(".*?\"writer\":\\s*\"([^\"]*)\".*", "$1");
    }

    @Test
    void eachFoldIsReadByModelsTrainedWithoutItsWritersAndTheFoldsAddUp() throws Exception {
        // three writers' digits under new names; the names' hashes put them in both of the two folds
        List<String> digits = new ArrayList<>();
        String[] writers = {"test/a", "test/b", "test/c"};
        WriterFolds folds = new WriterFolds(2);
        assertTrue(folds.of(writers[0]) != folds.of(writers[1]) || folds.of(writers[0]) != folds.of(writers[2]),
                "the test needs writers in both folds");
        String[] resources = {"/pendigits-sample.jsonl", "/conventions.jsonl", "/writer-theta-zeros.jsonl"};
        int[] perFold = new int[2];
        for (int w = 0; w < 3; w++) {
            for (String line : lines(resources[w])) {
                digits.add(line.replace("\"" + writer(line) + "\"", "\"" + writers[w] + "\""));
                perFold[folds.of(writers[w])]++;
            }
        }
        Path pen = dir.resolve("pen.jsonl");
        Files.write(pen, digits);
        Path others = dir.resolve("others.jsonl");
        Files.write(others, lines("/nondigits-sample.jsonl"));

        CliRun cli = new CliRun();
        assertEquals(0, cli.run("cross-validate", "--folds", "2", "--epochs", "1", "--train-limit", "256", "--strokes-epochs", "1",
                "--pen", pen.toString(), "--nondigits", others.toString(), "--misreads"), cli.err());
        String out = cli.out();
        int misread = 0;
        for (int fold = 0; fold < 2; fold++) {
            String name = "fold " + (fold + 1) + "/2: ";
            Matcher training = Pattern.compile(name + "training without its \\d+ writers?, on (\\d+) pen digits").matcher(out);
            assertTrue(training.find(), out);
            assertEquals(digits.size() - perFold[fold], Integer.parseInt(training.group(1)), "only the other folds' digits: " + out);
            Matcher read = Pattern.compile(name + "(\\d+) digits read jointly [\\d.]+% \\((\\d+) misread\\)").matcher(out);
            assertTrue(read.find(), out);
            assertEquals(perFold[fold], Integer.parseInt(read.group(1)), out);
            misread += Integer.parseInt(read.group(2));
        }
        assertTrue(out.contains("All folds, " + digits.size() + " digits by 3 writers no model trained on"), out);
        assertTrue(out.contains("Misread digits: " + misread), out);
        assertTrue(out.contains("writers under 96%: "), out);
        PenDigitsCommandTest.assertSureMisreadsMatchTheList(out, "misread at least 90% sure: jointly ");
    }

    @Test
    void aBadCommandLineIsRefusedBeforeAnyTraining() {
        CliRun one = new CliRun();
        assertEquals(2, one.run("cross-validate", "--folds", "1"));
        assertTrue(one.err().contains("--folds"), one.err());
        CliRun half = new CliRun();
        assertEquals(2, half.run("cross-validate", "--pen", "x.jsonl"));
        assertTrue(half.err().contains("--pen and --nondigits go together"), half.err());
    }
}
