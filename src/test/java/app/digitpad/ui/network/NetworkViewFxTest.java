package app.digitpad.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.inspect.Networks;
import app.digitpad.ml.inspect.Stage;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.PadRobot;
import app.digitpad.ui.StrokeReaderWait;
import app.digitpad.ui.TestDialogs;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The robot draws on the Network tab's pad in the real window, at the window's minimum size. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewFxTest {
    private final TestDialogs dialogs = new TestDialogs();
    private DigitPadWindow window;
    private javafx.stage.Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(javafx.stage.Stage stage) {
        this.stage = stage;
        window = new DigitPadWindow(stage, dialogs);
        stage.setWidth(900);
        stage.setHeight(620);
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
    void theRobotDrawsAndEveryConvolutionLayerShowsItsTilesWithTheSaliencyOverlay(FxRobot robot) throws Exception {
        NetworkView view = openNetworkTab(robot);
        NetworkViewModel model = view.model();
        PadRobot.draw(robot, "#network-pad-canvas", sample(3));
        // the explanation and the layer walk of the finished drawing: while strokes arrive they may
        // describe two successive inputs for a moment
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.whyProperty().get() != null
                && model.traceProperty().get() != null && model.whyProperty().get().first() == answer(model.traceProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.padModel().strokes().size() > 0, "the drawing went to the pad's model");

        List<Stage> convolutions = model.structureProperty().get().stages().stream()
                .filter(s -> s.kind() == Stage.Kind.CONVOLUTION).toList();
        assertEquals(2, convolutions.size(), "the shipped fast-cnn has two convolution layers");
        assertEquals(2, view.grids().size());
        for (FeatureMapGrid grid : view.grids()) {
            TileCanvas tiles = robot.lookup("#stage-" + grid.stageIndex() + "-tiles").queryAs(TileCanvas.class);
            assertEquals(grid.stage().channels(), tiles.count());
            assertTrue(grid.high() > 0, "the drawing lights some feature map up");
            assertTrue(brightest(grid.mosaic()) > 200, "and the tiles show it: the layer's largest value is white");
        }
        SaliencyOverlay overlay = robot.lookup("#why-first").queryAs(SaliencyOverlay.class);
        assertEquals(784, overlay.map().length);
        Why why = model.whyProperty().get();
        assertEquals(answer(model.traceProperty().get()), why.first(), "the answer the app gives, explained");
        String answer = robot.lookup("#network-answer").queryAs(Label.class).getText();
        assertTrue(answer.startsWith(why.firstName() + " · "), answer + " vs " + why.firstName());

        TileCanvas first = robot.lookup("#stage-0-tiles").queryAs(TileCanvas.class);
        robot.moveTo(first.localToScreen(first.centre(5)));
        WaitForAsyncUtils.waitForFxEvents();
        String detail = robot.lookup("#tile-detail-title").queryAs(Label.class).getText();
        assertTrue(detail.contains("channel 5 of 32"), detail);
        robot.clickOn(MouseButton.PRIMARY);
        robot.moveTo("#network-answer");
        WaitForAsyncUtils.waitForFxEvents();
        detail = robot.lookup("#tile-detail-title").queryAs(Label.class).getText();
        assertTrue(detail.contains("channel 5 of 32 (pinned)"), "clicked, it stays: " + detail);

        // usable at the window's minimum size: the toolbar's button and the pad are inside the window
        assertInsideScene(robot.lookup("#network-export").query());
        assertInsideScene(robot.lookup("#network-pad-canvas").query());

        Path png = dir.resolve("network.png");
        dialogs.saveAnswers.put(".png", png);
        robot.clickOn("#network-export");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getHeight() > 800, "the whole view, not only what is scrolled into sight: " + image.getHeight());
        assertEquals(List.of(), dialogs.errors);

        // the pad's keys work here too: Esc clears, and the view empties with the pad
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.traceProperty().get() == null);
        assertTrue(window.padModel().strokes().isEmpty());
        assertEquals(null, model.whyProperty().get());
    }

    @Test
    void switchingTheLiveModelToAnMlpRebuildsTheView(FxRobot robot) throws Exception {
        NetworkView view = openNetworkTab(robot);
        NetworkViewModel model = view.model();
        PadRobot.draw(robot, "#network-pad-canvas", sample(4));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.whyProperty().get() != null);

        Path file = dir.resolve("mlp.dpmodel");
        try (DigitClassifier mlp = Networks.oneBatch(Architecture.MLP)) {
            ModelFiles.save(mlp, file);
        }
        robot.interact(() -> window.mainModel().openModel(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.structureProperty().get() != null
                && model.structureProperty().get().summary().architecture() == Architecture.MLP
                && model.whyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.grids().size(), "an mlp has no feature maps");
        assertTrue(robot.lookup("#stage-0-bars").tryQuery().isPresent(), "its first dense layer as bars");
        assertEquals(256, robot.lookup("#filter-tiles").queryAs(TileCanvas.class).count(),
                "its 256 first-layer units as pictures");
        assertEquals(model.structureProperty().get().summary().layers().size(), model.traceProperty().get().outputs().size());
        assertEquals(List.of(), dialogs.errors);
        assertEquals("", model.messageProperty().get());
    }

    @Test
    void whenThePensPathChangesThePicturesAnswerTheViewSaysSo(FxRobot robot) throws Exception {
        List<Stroke> zero = zeroThePathReadsRight();
        openNetworkTab(robot);
        PadRobot.draw(robot, "#network-pad-canvas", zero);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var r = window.padModel().recognitionProperty().get();
            return r != null && r.path() != null && window.padModel().strokes().size() == zero.size();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var r = window.padModel().recognitionProperty().get();
        assertEquals(0, r.digit(), "drawn by the robot, the barred zero still reads 0 jointly");
        Label changed = robot.lookup("#network-path-changed").queryAs(Label.class);
        assertTrue(changed.isVisible());
        assertEquals(r.changedByPath().orElseThrow(), changed.getText());
        assertTrue(changed.getText().startsWith("The picture network alone reads "), changed.getText());

        robot.type(KeyCode.ESCAPE);
        PadRobot.draw(robot, "#network-pad-canvas", sample(3));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var next = window.padModel().recognitionProperty().get();
            return next != null && next.digit() == 3;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!changed.isVisible() && changed.getText().isEmpty(), "a digit both readers read alike: " + changed.getText());
    }

    /** Of the barred-zero writer's zeros, placed on the pad, the one the pen's path most clearly turns from a misread into a 0. */
    private List<Stroke> zeroThePathReadsRight() throws Exception {
        List<PenDigit> writer;
        try (InputStream in = NetworkViewFxTest.class.getResourceAsStream("/writer-theta-zeros.jsonl")) {
            writer = PenDigits.read(in, "writer-theta-zeros.jsonl");
        }
        StrokeReaderWait.until(window.services().liveModel());
        List<Stroke> best = null;
        float widest = 0;
        try (LiveModel.Lease lease = window.services().liveModel().acquire().orElseThrow()) {
            for (PenDigit sample : writer) {
                if (sample.label() != 0) {
                    continue;
                }
                List<Stroke> placed = PenDigitPlacer.place(sample.strokes(), MnistPreprocessor.PAD_SIZE);
                float[] picture = lease.classifier().predict(MnistPreprocessor.fromStrokes(placed));
                float[] joint = JointReading.combine(picture, lease.strokeReader().orElseThrow().probabilities(List.of(placed))[0]);
                int byPicture = NotDigitRule.digit(picture);
                float margin = joint[0] - joint[byPicture];
                if (byPicture != 0 && NotDigitRule.digit(joint) == 0 && !lease.classifier().notDigitRule().flags(joint)
                        && margin > widest) {
                    widest = margin;
                    best = placed;
                }
            }
        }
        if (best == null) {
            throw new AssertionError("the stroke reader turns none of the fixture writer's misread zeros into a 0");
        }
        return best;
    }

    /** The picture network's answer for a layer walk, as the app decides it (a weak "not a digit" does not count). */
    private int answer(app.digitpad.ml.inspect.LayerTrace trace) {
        try (LiveModel.Lease lease = window.services().liveModel().acquire().orElseThrow()) {
            return lease.classifier().notDigitRule().answer(trace.probabilities());
        }
    }

    private NetworkView openNetworkTab(FxRobot robot) {
        robot.clickOn("#tab-network");
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#network-view").queryAs(NetworkView.class);
    }

    private static int brightest(javafx.scene.image.Image image) {
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                max = Math.max(max, image.getPixelReader().getArgb(x, y) & 0xff);
            }
        }
        return max;
    }

    private void assertInsideScene(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        double w = node.getScene().getWidth();
        double h = node.getScene().getHeight();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w + 0.5 && b.getMinY() >= 0 && b.getMaxY() <= h + 0.5,
                node.getId() + " at " + b + " in a " + w + "x" + h + " scene");
    }

    private static List<Stroke> sample(int digit) throws Exception {
        try (InputStream in = NetworkViewFxTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            PenDigit d = PenDigits.read(in, "sample").get(digit);
            return PenDigitPlacer.place(d.strokes(), MnistPreprocessor.PAD_SIZE);
        }
    }
}
