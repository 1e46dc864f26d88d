package app.digitpad.ml.io;

import java.nio.file.Path;

/**
 * The user's DigitPad folder, {@code ~/.digitpad}, and the folders in it. {@code -Ddigitpad.home}
 * moves all of it and {@code -Ddigitpad.logDir} the logs alone, so tests and CI never write to the
 * real one.
 */
public final class DigitPadHome {
    public static final String HOME_PROPERTY = "digitpad.home";
    public static final String LOG_DIR_PROPERTY = "digitpad.logDir";

    private DigitPadHome() {}

    public static Path folder() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".digitpad");
    }

    /** Where {@code digitpad.log} and its rotated predecessors are written. */
    public static Path logs() {
        String logs = System.getProperty(LOG_DIR_PROPERTY);
        return logs != null && !logs.isBlank() ? Path.of(logs) : folder().resolve("logs");
    }
}
