package app.digitpad.ml.io;

import java.nio.file.Path;

/**
 * DigitPad's own folder: {@code ~/.digitpad}, or the folder named by the system property
 * {@code digitpad.home} (tests and tools point it at a throw-away folder, so they never touch the
 * user's models and settings).
 */
public final class AppHome {
    public static final String PROPERTY = "digitpad.home";

    private AppHome() {}

    public static Path folder() {
        String home = System.getProperty(PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".digitpad");
    }
}
