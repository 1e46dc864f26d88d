package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.LogFile;
import app.digitpad.ml.data.DatasetException;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ui.TestDialogs;
import app.digitpad.ui.Theme;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The screen when there is nothing to evaluate with: the reason is shown in it, and it recovers. */
@ExtendWith(ApplicationExtension.class)
class EvaluateViewErrorFxTest {
    private final AtomicBoolean mnistBroken = new AtomicBoolean(true);
    private EvaluateViewModel model;

    @Start
    void start(Stage stage) {
        MnistData tiny = new MnistData(new byte[MnistData.PIXELS], new byte[] {0}, "");
        model = new EvaluateViewModel(Optional::empty, () -> {
            if (mnistBroken.get()) {
                throw new DatasetException("t10k-labels-idx1-ubyte.gz: not an IDX label file (magic 0x00000000)");
            }
            return tiny;
        }, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-evaluation");
            thread.setDaemon(true);
            return thread;
        }), Platform::runLater, new TestDialogs());
        Scene scene = new Scene(new EvaluateView(model), 1100, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void unreadableMnistThenNoModelAreShownAsMessages(FxRobot robot) throws Exception {
        Label message = robot.lookup("#eval-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.failedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Could not read the MNIST test images: t10k-labels-idx1-ubyte.gz: not an IDX label file (magic 0x00000000)",
                message.getText());
        assertTrue(message.getPseudoClassStates().contains(PseudoClass.getPseudoClass("error")));
        String logged = LogFile.assertErrorWithTrace("Could not read the MNIST test images"); // and in the log, with its trace
        assertTrue(logged.contains("not an IDX label file"), logged);
        assertTrue(robot.lookup("#export-csv").queryAs(Button.class).isDisabled(), "nothing to export");
        assertEquals("–", robot.lookup("#eval-accuracy").queryAs(Label.class).getText());

        mnistBroken.set(false);
        robot.clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("No model is live"));
        assertTrue(model.failedProperty().get());
        assertTrue(robot.lookup("#cell-4-9").query().isDisabled(), "no counts to click");
    }
}
