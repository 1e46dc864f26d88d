package app.digitpad.ui.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.PadRobot;
import app.digitpad.ui.StrokeReaderWait;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The robot draws pen-written digits on the real pad in the real window. */
@ExtendWith(ApplicationExtension.class)
class PadViewTest {
    private DigitPadWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new DigitPadWindow(stage);
        stage.show();
        stage.requestFocus();
    }

    @BeforeEach
    void modelIsLive() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(window::shutdown).get();
    }

    @Test
    void trainAndEvaluateScreensAreBuiltWhenTheirTabIsFirstOpened(FxRobot robot) {
        assertTrue(robot.lookup("#train-view").tryQuery().isEmpty(), "no Train screen before its tab is opened");
        assertTrue(robot.lookup("#evaluate-view").tryQuery().isEmpty(), "no Evaluate screen before its tab is opened");
        robot.clickOn("#tab-train");
        Node train = robot.lookup("#train-view").query();
        assertTrue(train.isVisible());
        robot.clickOn("#tab-draw");
        robot.clickOn("#tab-train");
        assertSame(train, robot.lookup("#train-view").query(), "built once, then kept");
        robot.clickOn("#tab-evaluate");
        assertNotNull(robot.lookup("#evaluate-view").query());
        robot.clickOn("#tab-draw");
    }

    private static List<Stroke> sample(int digit) throws Exception {
        try (InputStream in = PadViewTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            PenDigit d = PenDigits.read(in, "sample").get(digit);
            return PenDigitPlacer.place(d.strokes(), MnistPreprocessor.PAD_SIZE);
        }
    }



    private String topDigit(FxRobot robot) {
        return robot.lookup("#top-digit").queryAs(Label.class).getText();
    }

    @Test
    void drawnPenDigitsAreRecognizedWithBarsAndPreview(FxRobot robot) throws Exception {
        PadView view = robot.lookup("#pad-view").queryAs(PadView.class);
        Label readers = robot.lookup("#readers").queryAs(Label.class);
        StrokeReaderWait.until(window.services().liveModel());
        for (int digit : new int[] {2, 4, 6}) {
            robot.type(KeyCode.ESCAPE);
            PadRobot.draw(robot, "#pad-canvas", sample(digit));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topDigit(robot).equals(Integer.toString(digit)));
            WaitForAsyncUtils.waitForFxEvents();
            double sum = 0;
            for (int d = 0; d <= 10; d++) {
                sum += view.bars().displayed(d);
            }
            assertEquals(1.0, sum, 0.011, "bars (digits and 'none') show probabilities that sum to 1 (each rounded to 0.1%)");
            assertTrue(!view.bars().dimmed());
            assertTrue(view.preview().ink() > 20, "the 28x28 preview shows the digit");
            assertTrue(robot.lookup("#confidence").queryAs(Label.class).getText().endsWith("% sure"));
            Recognition r = view.recognition();
            assertTrue(readers.isVisible(), "the line under the answer says what each reader made of it");
            assertEquals(r.readers().orElseThrow(), readers.getText());
            assertTrue(readers.getText().equals("Picture and pen path both read " + digit)
                    || readers.getText().matches("Picture read \\d \\(\\d+%\\), pen path \\d \\(\\d+%\\)"), readers.getText());
        }
    }

    /** A scratch across the pad: up and down, quickly, from left to right. */
    private static List<Stroke> scribble() {
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            points.add(new Point(40 + i * 20, i % 2 == 0 ? 60 : 220));
        }
        return List.of(new Stroke(points));
    }

    @Test
    void aScribbleIsNotADigitAndTheNextDigitIsReadAgain(FxRobot robot) throws Exception {
        PadView view = robot.lookup("#pad-view").queryAs(PadView.class);
        Label confidence = robot.lookup("#confidence").queryAs(Label.class);
        PadRobot.draw(robot, "#pad-canvas", scribble());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confidence.getText().equals("Not a digit?"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.bars().dimmed(), "the digit bars step back");
        assertEquals("?", topDigit(robot), "no digit is shown");
        assertTrue(robot.lookup("#bar-not-a-digit").query().isVisible(), "the 'none' bar is shown");
        assertTrue(view.bars().displayed(10) >= 0.5, "and leads");
        Label readers = robot.lookup("#readers").queryAs(Label.class);
        assertTrue(readers.isVisible() && readers.getText().contains("not a digit"), "what each reader said: " + readers.getText());

        robot.type(KeyCode.ESCAPE);
        PadRobot.draw(robot, "#pad-canvas", sample(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topDigit(robot).equals("3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(confidence.getText().endsWith("% sure"), confidence.getText());
        assertTrue(!view.bars().dimmed());
    }

    @Test
    void ctrlZRemovesTheLastStrokeAndEscapeClears(FxRobot robot) throws Exception {
        List<Stroke> four = sample(4);
        assertTrue(four.size() >= 2, "the sample 4 has two strokes");
        PadRobot.draw(robot, "#pad-canvas", four);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !topDigit(robot).equals("–"));
        List<Stroke> drawn = window.padModel().strokes();
        assertEquals(four.size(), drawn.size());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(drawn.subList(0, drawn.size() - 1), window.padModel().strokes(), "only the last stroke went");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.padModel().strokes().isEmpty());
        assertEquals("–", topDigit(robot));
        Node hint = robot.lookup("#pad-hint").query();
        assertTrue(hint.isVisible());
        assertEquals("Draw a digit", ((Label) hint).getText());
        PadView view = robot.lookup("#pad-view").queryAs(PadView.class);
        assertEquals(0.0, view.preview().ink());
    }

    @Test
    void openingACorruptModelShowsAnErrorAndKeepsThePreviousModelLive(FxRobot robot) throws Exception {
        LiveModel.Info before = window.services().liveModel().getInfo();
        Path corrupt = dir.resolve("broken.dpmodel");
        Files.writeString(corrupt, "definitely not a model");
        robot.interact(() -> window.mainModel().openModel(corrupt));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        Label content = robot.lookup("#error-dialog .content").queryAs(Label.class);
        assertTrue(content.getText().contains("broken.dpmodel"), content.getText());
        assertTrue(content.getText().contains("previous model is still live"), content.getText());
        assertSame(before, window.services().liveModel().getInfo());
        robot.type(KeyCode.ENTER); // close the dialog

        PadRobot.draw(robot, "#pad-canvas", sample(6));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> topDigit(robot).equals("6"));
        assertNotNull(window.padModel().recognitionProperty().get(), "the previous model still recognizes");
    }

    @Test
    void theBundledModelCanBeMadeLiveAgainFromTheFileMenu(FxRobot robot) throws Exception {
        Path other = dir.resolve("other.dpmodel");
        Files.copy(Path.of("assets/models/digitpad-default.dpmodel"), other);
        robot.interact(() -> window.mainModel().openModel(other));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo().file().isPresent());

        robot.clickOn("File").clickOn("#menu-bundled-model");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo().file().isEmpty());
        assertEquals("bundled with DigitPad", window.services().liveModel().getInfo().source());
    }
}
