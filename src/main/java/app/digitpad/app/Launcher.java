package app.digitpad.app;

import app.digitpad.cli.SelfTest;
import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * Plain main class (not an {@code Application}) so the app starts from a class path and from a
 * jpackage image, where JavaFX is not on the module path. {@code --self-test} checks an installed
 * app without a window: it is handed to {@link SelfTest} before JavaFX is touched.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        // an exception nothing caught (FX thread included) goes to the log with its trace, where a user can find it
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LoggerFactory.getLogger(Launcher.class).error("Uncaught exception in thread {}", thread.getName(), e);
            System.err.println("DigitPad: " + e + " in thread " + thread.getName() + " (the log has its trace)");
        });
        if (SelfTest.requested(args)) {
            SelfTest.main(args);
            return;
        }
        StartupTiming.begin();
        StartupTiming.mark("main");
        CompilerPriority.lower();
        Application.launch(DigitPadApp.class, args);
    }
}
