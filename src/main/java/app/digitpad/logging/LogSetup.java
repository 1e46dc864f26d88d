package app.digitpad.logging;

import app.digitpad.ml.io.DigitPadHome;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logback's configuration, found through {@code META-INF/services}: everything DigitPad and DJL log
 * goes to {@code digitpad.log} in {@link DigitPadHome#logs()}, rotated at {@link #MAX_FILE_SIZE}
 * with {@link #KEPT_FILES} older files kept, and nothing to the terminal, where the CLI prints only
 * its own output (the start-up timing lines excepted, when asked for). In code rather than
 * {@code logback.xml}, so no XML parser loads at start-up; {@code -Dlogback.configurationFile} still wins.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    public static final String FILE_NAME = "digitpad.log";
    static final String MAX_FILE_SIZE = "5MB";
    static final int KEPT_FILES = 3;
    /** Logback's own default: the file may outgrow MAX_FILE_SIZE by what is logged in a minute. */
    static final Duration SIZE_CHECK_INTERVAL = Duration.buildBySeconds(60);
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    /** With -Ddigitpad.startupTiming=true its start-up lines also go to the console, where packaging/gui-start.sh reads them. */
    static final String STARTUP_TIMING_LOGGER = "app.digitpad.app.StartupTiming";
    static final String STARTUP_TIMING_PROPERTY = "digitpad.startupTiming";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, DigitPadHome.logs(), MAX_FILE_SIZE, SIZE_CHECK_INTERVAL);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** @param sizeCheckInterval how often the file's size is compared with {@code maxFileSize} */
    static void configure(LoggerContext context, Path folder, String maxFileSize, Duration sizeCheckInterval) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        try {
            Files.createDirectories(folder);
            root.addAppender(rollingFile(context, folder, maxFileSize, sizeCheckInterval));
        } catch (IOException | RuntimeException e) {
            // the app works without its log; say once where it could not go
            System.err.println("DigitPad: cannot write its log to " + folder + " (" + e + ")");
        }
        if (Boolean.getBoolean(STARTUP_TIMING_PROPERTY)) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("console");
            console.setTarget("System.err");
            console.setEncoder(encoder(context));
            console.start();
            context.getLogger(STARTUP_TIMING_LOGGER).addAppender(console);
        }
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path folder, String maxFileSize,
            Duration sizeCheckInterval) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(folder.resolve(FILE_NAME).toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("digitpad.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(maxFileSize));
        trigger.setCheckIncrement(sizeCheckInterval);
        trigger.start();

        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context));
        file.start();
        if (!file.isStarted()) {
            throw new IllegalStateException(folder.resolve(FILE_NAME) + " cannot be opened");
        }
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
