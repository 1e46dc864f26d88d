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
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real notices: styled by the theme in both looks, with no CSS warning (ControlsFX's notices,
 * used before, asked for Modena colours AtlantaFX does not define), the saved file's full path and
 * a way to open its folder.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeFxTest {
    private final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record.getLoggerName() + ": " + record.getMessage() + " " + record.getThrown();
            if (text.contains("css") || text.contains("Css") || text.contains("ClassCastException")) {
                cssWarnings.add(text);
            }
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
        Logger.getLogger("").addHandler(recorder);
        SettingsKeeper settings = SettingsKeeper.inMemory(Settings.defaults());
        dialogs = new FxDialogs(stage, settings);
        window = new DigitPadWindow(stage, dialogs, settings);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        Logger.getLogger("").removeHandler(recorder);
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSavedNoticeIsThemedNamesTheFullPathAndOffersTheFolder(FxRobot robot) throws Exception {
        Path file = Path.of(System.getProperty("digitpad.home"), "exports", "evaluation.png").toAbsolutePath();
        for (boolean dark : new boolean[] {false, true}) {
            WaitForAsyncUtils.asyncFx(() -> {
                Theme.apply(window.mainView().getScene(), dark);
                dialogs.notifySaved(file);
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#notice").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Saved " + file, robot.lookup("#notice-text").queryAs(Labeled.class).getText(), "the full path");
            assertEquals("Open folder", robot.lookup("#notice-action").queryAs(Labeled.class).getText());
            Region notice = robot.lookup("#notice").queryAs(Region.class);
            Paint fill = notice.getBackground().getFills().get(notice.getBackground().getFills().size() - 1).getFill();
            assertTrue(fill instanceof Color, "a colour from the theme: " + fill);
            double brightness = ((Color) fill).getBrightness();
            assertTrue(dark ? brightness < 0.3 : brightness > 0.9, (dark ? "dark" : "light") + " theme: " + fill);
            robot.clickOn("#notice-close");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#notice").tryQuery().isEmpty());
        }
        assertEquals(List.of(), cssWarnings, "no CSS warning while styling the notices");
    }
}
