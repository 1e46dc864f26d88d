package app.digitpad.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import app.digitpad.ml.io.DigitPadHome;
import app.digitpad.ui.Dialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Errors a user sees in the real window are in the log file with their stack traces; Help › Open log folder. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuFxTest {
    @TempDir
    Path dir;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private DigitPadWindow window;

    @Start
    void start(Stage stage) {
        window = new DigitPadWindow(stage, new Dialogs() {
            @Override
            public void showError(String title, String message) {
                errors.add(title + ": " + message);
            }

            @Override
            public Optional<Path> chooseModelToOpen() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
                return Optional.empty();
            }

            @Override
            public void notify(String message) {}
        });
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.shutdown());
    }

    @Test
    void openLogFolderOnADesktopThatCannotSaysWhereTheLogIs(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("Open log folder");
        // headless tests have no desktop to open folders with: the user is told where the log is
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !errors.isEmpty());
        String error = errors.get(0);
        assertTrue(error.startsWith("Could not open the log folder: "), error);
        assertTrue(error.endsWith("DigitPad's log is in " + DigitPadHome.logs()), error);
        assertTrue(Files.isDirectory(DigitPadHome.logs()));
        LogFile.assertErrorWithTrace("Could not open the log folder " + DigitPadHome.logs());
    }

    @Test
    void aModelThatCannotBeOpenedIsShownAndLoggedWithItsTrace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
        Path corrupt = Files.writeString(dir.resolve("corrupt.dpmodel"), "not a model");
        robot.interact(() -> window.mainModel().openModel(corrupt));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !errors.isEmpty());
        assertTrue(errors.get(0).startsWith("Could not open the model: "), errors.get(0));
        assertTrue(errors.get(0).contains("corrupt.dpmodel"), errors.get(0));
        String entry = LogFile.assertErrorWithTrace("Could not open the model " + corrupt);
        assertTrue(entry.contains("app.digitpad.ml.model.ModelFormatException"), entry);
    }
}
