package app.digitpad.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.util.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    @TempDir
    Path dir;

    @Test
    void theTestJvmLogsUnderDigitpadHomeNeverToTheRealHome() {
        Path log = LogFile.path().toAbsolutePath();
        assertTrue(log.startsWith(Path.of(System.getProperty("digitpad.home")).toAbsolutePath()), log.toString());
        assertFalse(log.startsWith(Path.of(System.getProperty("user.home"), ".digitpad")), log.toString());
    }

    @Test
    void anErrorIsWrittenWithItsStackTrace() {
        String marker = "log-setup-test " + System.nanoTime();
        LoggerFactory.getLogger(LogSetupTest.class).error(marker, new IllegalStateException("the cause"));
        String entry = LogFile.assertErrorWithTrace(marker);
        assertTrue(entry.contains("java.lang.IllegalStateException: the cause"), entry);
        assertTrue(entry.contains("[main] app.digitpad.logging.LogSetupTest - " + marker), entry);
    }

    @Test
    void theFileRotatesAndKeepsThreeOlderFiles() throws Exception {
        LoggerContext context = newContext();
        try {
            LogSetup.configure(context, dir, "2KB", Duration.buildByMilliseconds(50));
            Logger log = context.getLogger("rotation");
            String line = "x".repeat(200);
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < 20; i++) { // about 5 KB, over the 2 KB limit
                    log.info("round {} line {} {}", round, i, line);
                }
                Thread.sleep(80); // logback looks at the size only every so often
            }
        } finally {
            context.stop();
        }
        List<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("digitpad.1.log", "digitpad.2.log", "digitpad.3.log", "digitpad.log"), files);
        assertTrue(Files.readString(dir.resolve("digitpad.log")).contains("round 7 line 19"), "the newest lines");
        assertFalse(Files.readString(dir.resolve("digitpad.3.log")).contains("round 0 line 0"), "the oldest file was dropped");
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheFileOutNotTheApp() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        LoggerContext context = newContext();
        try {
            LogSetup.configure(context, notAFolder.resolve("logs"), "1MB", LogSetup.SIZE_CHECK_INTERVAL);
            context.getLogger("x").error("nowhere to go", new IllegalStateException()); // does not throw
        } finally {
            context.stop();
        }
        assertFalse(Files.exists(notAFolder.resolve("logs")));
    }

    /** A context of its own, as logback's service provider makes one. */
    private static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }
}
