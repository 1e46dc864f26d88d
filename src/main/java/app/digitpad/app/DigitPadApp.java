package app.digitpad.app;

import app.digitpad.ui.settings.SettingsFile;
import app.digitpad.ui.settings.SettingsKeeper;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window, with the user's settings. */
public final class DigitPadApp extends Application {
    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "digitpad-settings");
        thread.setDaemon(true);
        return thread;
    });
    private SettingsKeeper settings;
    private DigitPadWindow window;

    /**
     * Runs once the toolkit is up, before {@link #start}: reads the settings (a small file) and
     * starts loading the model they name while the window is built.
     */
    @Override
    public void init() {
        StartupTiming.mark("toolkit up");
        settings = SettingsKeeper.load(SettingsFile.user(), settingsWriter);
        ModelPreload.start(settings.get().liveModelFile().filter(Files::isRegularFile).orElse(null));
    }

    @Override
    public void start(Stage stage) {
        window = new DigitPadWindow(stage, settings);
        StartupTiming.mark("window built");
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
        settingsWriter.shutdown();
    }
}
