package app.digitpad;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.digitpad.logging.LogSetup;
import app.digitpad.ml.io.DigitPadHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The test JVM's own log file (under {@code digitpad.home}, set by the pom) and its entries. */
public final class LogFile {
    private static final Pattern ENTRY_START = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*");

    private LogFile() {}

    public static Path path() {
        return DigitPadHome.logs().resolve(LogSetup.FILE_NAME);
    }

    /** Every entry: its first line and, for an exception, the trace lines after it. */
    public static List<String> entries(Path file) {
        List<String> entries = new ArrayList<>();
        try {
            StringBuilder entry = null;
            for (String line : Files.readAllLines(file)) {
                if (ENTRY_START.matcher(line).matches() || entry == null) {
                    if (entry != null) {
                        entries.add(entry.toString());
                    }
                    entry = new StringBuilder(line);
                } else {
                    entry.append('\n').append(line);
                }
            }
            if (entry != null) {
                entries.add(entry.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The newest entry whose first line holds {@code fragment}; fails the test when there is none. */
    public static String entry(String fragment) {
        List<String> entries = entries(path());
        for (int i = entries.size() - 1; i >= 0; i--) {
            String first = entries.get(i).lines().findFirst().orElse("");
            if (first.contains(fragment)) {
                return entries.get(i);
            }
        }
        return fail("no entry with '" + fragment + "' in " + path());
    }

    /** The newest entry holding {@code fragment} is an error with its stack trace. */
    public static String assertErrorWithTrace(String fragment) {
        String entry = entry(fragment);
        assertTrue(entry.lines().findFirst().orElse("").contains(" ERROR "), entry);
        assertTrue(entry.contains("\n\tat app.digitpad."), "a stack trace through DigitPad's code: " + entry);
        return entry;
    }
}
