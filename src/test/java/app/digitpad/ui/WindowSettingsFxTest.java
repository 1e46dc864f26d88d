package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ui.settings.Settings;
import app.digitpad.ui.settings.SettingsFile;
import app.digitpad.ui.settings.SettingsKeeper;
import app.digitpad.ui.train.TrainView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings across restarts, with real windows and a settings file in a temporary folder: what the
 * user chose in one session is there in the next; a live model whose file has gone since gives way
 * to the bundled one, with a notice.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSettingsFxTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // each session opens its own window
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
    }

    /** One session: a window on a new stage, with the settings the file holds now. */
    private DigitPadWindow open(SettingsFile file, TestDialogs dialogs) throws Exception {
        DigitPadWindow window = fx(() -> {
            Stage stage = new Stage();
            SettingsKeeper keeper = SettingsKeeper.load(file, Runnable::run);
            DigitPadWindow w = new DigitPadWindow(stage, dialogs, keeper);
            stage.show();
            return w;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
        return window;
    }

    private static void close(DigitPadWindow window) throws Exception {
        fx(() -> {
            window.mainView().getScene().getWindow().hide(); // what closing the window does
            return null;
        });
    }

    @Test
    void whatTheUserChoseComesBackInTheNextSession(FxRobot robot) throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("settings.json"));
        Path model = Files.createDirectories(dir.resolve("models")).resolve("kept.dpmodel");
        Files.copy(Path.of("assets/models/digitpad-default.dpmodel"), model);
        TestDialogs dialogs = new TestDialogs();

        DigitPadWindow first = open(file, dialogs);
        assertTrue(fx(() -> first.services().liveModel().getInfo().file().isEmpty()), "a first start: the bundled model");
        fx(() -> {
            Stage stage = (Stage) first.mainView().getScene().getWindow();
            stage.setX(30);
            stage.setY(40);
            stage.setWidth(1000);
            stage.setHeight(700);
            first.mainModel().openModel(model);
            return null;
        });
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> first.services().liveModel().getInfo().file().equals(Optional.of(model)));
        robot.clickOn("#tab-train");
        fx(() -> {
            TrainView train = (TrainView) first.mainView().lookup("#train-view");
            train.viewModel().settings().epochsProperty().set(4);
            train.viewModel().settings().augmentProperty().set(true);
            return null;
        });
        close(first);

        Settings saved = file.load().settings();
        assertTrue(saved.dark());
        assertEquals(model.toAbsolutePath().toString(), saved.liveModel());
        assertEquals(new Settings.WindowBounds(30, 40, 1000, 700, false), saved.window());
        assertEquals(4, saved.train().epochs());

        DigitPadWindow second = open(file, dialogs);
        assertEquals(Optional.of(model), fx(() -> second.services().liveModel().getInfo().file()), "the model of last time");
        assertTrue(fx(() -> second.mainView().getScene().getRoot().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("dark"))), "the dark theme");
        assertEquals(1000, fx(() -> second.mainView().getScene().getWindow().getWidth()), 0.5);
        assertEquals(700, fx(() -> second.mainView().getScene().getWindow().getHeight()), 0.5);
        fx(() -> {
            second.mainView().tabs().getSelectionModel().select(1);
            return null;
        });
        TrainView train = fx(() -> (TrainView) second.mainView().lookup("#train-view"));
        assertEquals(4, fx(() -> train.viewModel().settings().epochsProperty().get()));
        assertTrue(fx(() -> train.viewModel().settings().augmentProperty().get()));
        assertEquals(0, dialogs.notices.size());
        close(second);

        Files.delete(model);
        DigitPadWindow third = open(file, dialogs);
        assertTrue(fx(() -> third.services().liveModel().getInfo().file().isEmpty()), "the bundled model instead");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.notices.isEmpty());
        assertTrue(dialogs.notices.get(0).contains("kept.dpmodel") && dialogs.notices.get(0).contains("no longer there"),
                dialogs.notices.get(0));
        close(third);
        assertFalse(file.load().settings().liveModelFile().isPresent(), "the bundled model is kept as live now");
        assertEquals(0, dialogs.errors.size(), dialogs.errors.toString());
    }

    @Test
    void aCorruptSettingsFileStillOpensTheWindowWithTheDefaults() throws Exception {
        SettingsFile file = new SettingsFile(Files.writeString(dir.resolve("settings.json"), "{\"theme\": \"dark\", \"win"));
        TestDialogs dialogs = new TestDialogs();
        DigitPadWindow window = open(file, dialogs);
        assertFalse(fx(() -> window.mainView().getScene().getRoot().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("dark"))), "the default theme");
        assertTrue(fx(() -> window.services().liveModel().getInfo().file().isEmpty()), "the bundled model");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.notices.isEmpty());
        assertTrue(dialogs.notices.get(0).contains("settings.json") && dialogs.notices.get(0).contains("default settings"),
                dialogs.notices.get(0));
        close(window);
        assertTrue(file.load().warning().isEmpty(), "replaced by a readable file when the window closed");
    }
}
