package app.digitpad.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window. */
public final class DigitPadApp extends Application {
    private DigitPadWindow window;

    @Override
    public void start(Stage stage) {
        window = new DigitPadWindow(stage);
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
