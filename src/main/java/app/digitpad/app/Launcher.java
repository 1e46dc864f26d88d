package app.digitpad.app;

import javafx.application.Application;

/**
 * Plain main class (not an {@code Application}) so the app starts from a class path and from a
 * jpackage image, where JavaFX is not on the module path.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.setProperty("OPT_OUT_TRACKING", "true");
        Application.launch(DigitPadApp.class, args);
    }
}
