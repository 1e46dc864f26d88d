package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ui.evaluate.EvaluateView;
import app.digitpad.ui.evaluate.EvaluateViewModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › Keyboard shortcuts lists every shortcut the screens register; Help › About names the versions and licences. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuFxTest {
    private DigitPadWindow window;

    @Start
    void start(Stage stage) {
        window = new DigitPadWindow(stage, new TestDialogs());
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get(10, TimeUnit.SECONDS);
    }

    private static Set<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(Labeled.class::isInstance).map(n -> ((Labeled) n).getText())
                .collect(Collectors.toSet());
    }

    @Test
    void shortcutsAndAbout(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
        robot.clickOn("Help").clickOn("Keyboard shortcuts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcuts-dialog").tryQuery().isPresent());
        Set<String> shown = texts(robot.lookup("#shortcuts-dialog").query());
        for (Shortcuts.Shortcut shortcut : Shortcuts.all()) {
            assertTrue(shown.contains(shortcut.keysText()) && shown.contains(shortcut.action()), shortcut + " in " + shown);
        }
        for (String keys : List.of("Esc", "Delete")) {
            assertTrue(shown.stream().anyMatch(t -> t.equals(keys)), keys + " (clears the pad) in " + shown);
        }
        robot.clickOn("Close");

        robot.clickOn("Help").clickOn("About DigitPad");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#about-dialog").tryQuery().isPresent());
        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        String all = String.join("\n", texts(about)) + "\n" + about.getHeaderText();
        assertTrue(all.contains("DigitPad 0.1.0"), all);
        assertTrue(all.contains(ai.djl.engine.Engine.getDjlVersion()), "the DJL version: " + all);
        assertTrue(all.contains("PyTorch 2.7.1"), "the engine's version: " + all);
        assertTrue(all.contains(System.getProperty("javafx.runtime.version")), "the JavaFX version: " + all);
        assertTrue(all.contains("MIT") && all.contains("CC BY-SA 3.0"), "the code's and the data's licences: " + all);
        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(false, robot.lookup("#about-dialog").tryQuery().isPresent());
    }

    @Test
    void theScreensAndEvaluateAgainHaveKeys(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-train", window.mainView().tabs().getSelectionModel().getSelectedItem().getId());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-evaluate", window.mainView().tabs().getSelectionModel().getSelectedItem().getId());
        EvaluateViewModel model = robot.lookup("#evaluate-view").queryAs(EvaluateView.class).model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != null && !model.runningProperty().get());
        EvaluateViewModel.Result first = model.resultProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.R);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.resultProperty().get() != first && !model.runningProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-draw", window.mainView().tabs().getSelectionModel().getSelectedItem().getId());
    }
}
