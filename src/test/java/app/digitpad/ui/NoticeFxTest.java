package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ui.settings.Settings;
import app.digitpad.ui.settings.SettingsKeeper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real notices (ControlsFX's): styled by the theme, with no CSS warning (ControlsFX's own
 * stylesheet asks for Modena colours AtlantaFX does not define), the saved file's full path and a
 * way to open its folder.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeFxTest {
    private final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            cssWarnings.add(String.valueOf(record.getMessage()) + " " + record.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private DigitPadWindow window;
    private FxDialogs dialogs;

    @Start
    void start(Stage stage) {
        Logger.getLogger("javafx.css").addHandler(recorder);
        SettingsKeeper settings = SettingsKeeper.inMemory(Settings.defaults());
        dialogs = new FxDialogs(stage, settings);
        window = new DigitPadWindow(stage, dialogs, settings);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        Logger.getLogger("javafx.css").removeHandler(recorder);
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSavedNoticeIsThemedNamesTheFullPathAndOffersTheFolder(FxRobot robot) throws Exception {
        Path file = Path.of(System.getProperty("digitpad.home"), "exports", "evaluation.png").toAbsolutePath();
        WaitForAsyncUtils.asyncFx(() -> dialogs.notifySaved(file)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".notification-bar").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup(".notification-bar").query();
        assertTrue(robot.from(bar).lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && ("Saved " + file).equals(l.getText())), "the full path");
        assertTrue(robot.from(bar).lookup(".button").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && "Open folder".equals(l.getText())), "a way to the folder");
        Region pane = robot.from(bar).lookup(".pane").queryAs(Region.class);
        assertTrue(pane.getBackground() != null && !pane.getBackground().getFills().isEmpty(), "the theme's colours");
        assertEquals(List.of(), cssWarnings, "no CSS warning while styling the notice");
    }
}
