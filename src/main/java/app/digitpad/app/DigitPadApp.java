package app.digitpad.app;

import app.digitpad.ui.settings.SettingsFile;
import app.digitpad.ui.settings.SettingsKeeper;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window, with the user's settings. */
public final class DigitPadApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DigitPadApp.class);

    private final ExecutorService settingsWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "digitpad-settings");
        thread.setDaemon(true);
        return thread;
    });
    private SettingsKeeper settings;
    private Optional<String> settingsWarning = Optional.empty();
    private DigitPadWindow window;

    /**
     * Runs once the toolkit is up, before {@link #start}: reads the settings (a small file) and
     * starts loading the model they name while the window is built.
     */
    @Override
    public void init() {
        StartupTiming.mark("toolkit up");
        SettingsFile file = SettingsFile.user();
        SettingsFile.Loaded loaded = file.load();
        settingsWarning = loaded.warning();
        settingsWarning.ifPresent(warning -> LOG.warn(warning));
        settings = new SettingsKeeper(file, loaded.settings(), settingsWriter);
        ModelPreload.start(loaded.settings().liveModelFile().filter(java.nio.file.Files::isRegularFile).orElse(null));
    }

    @Override
    public void start(Stage stage) {
        window = new DigitPadWindow(stage, settings);
        StartupTiming.mark("window built");
        stage.show();
        settingsWarning.ifPresent(warning -> window.services().dialogs().notify(warning));
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
        settingsWriter.shutdown();
    }
}
