package app.digitpad.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window. */
public final class DigitPadApp extends Application {
    private DigitPadWindow window;

    /** Runs once the toolkit is up, before {@link #start}: the model loads while the window is built. */
    @Override
    public void init() {
        StartupTiming.mark("toolkit up");
        ModelPreload.start();
    }

    @Override
    public void start(Stage stage) {
        window = new DigitPadWindow(stage);
        StartupTiming.mark("window built");
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
