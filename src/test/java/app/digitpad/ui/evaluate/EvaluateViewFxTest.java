package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ui.TestDialogs;
import app.digitpad.ui.evaluate.EvaluateViewModel.ClassRow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Evaluate tab of the real window with the shipped model and the bundled MNIST test set. */
@ExtendWith(ApplicationExtension.class)
class EvaluateViewFxTest {
    private static final int N = ConfusionMatrix.CLASSES;
    private final TestDialogs dialogs = new TestDialogs();
    private final Path exports = Path.of(System.getProperty("digitpad.home", "target/test-home")).resolve("exports");
    private DigitPadWindow window;

    @Start
    void start(Stage stage) {
        window = new DigitPadWindow(stage, dialogs);
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get(10, TimeUnit.SECONDS);
    }

    private EvaluateViewModel openEvaluateTab(FxRobot robot) throws Exception {
        robot.clickOn("#tab-evaluate");
        EvaluateViewModel model = robot.lookup("#evaluate-view").queryAs(EvaluateView.class).model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null
                && model.resultProperty().get() != null && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    private static int shownCount(FxRobot robot, int actual, int predicted) {
        return Integer.parseInt(robot.lookup("#count-" + actual + "-" + predicted).queryAs(Label.class).getText());
    }

    /** Visible with every ancestor. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theShownDiagonalOverTenThousandIsTheShownAccuracyAndTheScaleToggles(FxRobot robot) throws Exception {
        EvaluateViewModel model = openEvaluateTab(robot);
        int total = 0;
        int diagonal = 0;
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                int count = shownCount(robot, a, p);
                total += count;
                diagonal += a == p ? count : 0;
            }
        }
        assertEquals(10_000, total);
        assertEquals(String.format("%.2f%%", diagonal / 100.0), text(robot, "#eval-accuracy"));
        assertTrue(diagonal > 9_800, "the shipped model is 99.5% accurate, shown " + diagonal);
        assertEquals(String.format("%.4f", model.resultProperty().get().evaluation().loss()), text(robot, "#eval-loss"));
        assertFalse(robot.lookup("#eval-progress").query().isVisible(), "progress hidden when done");
        assertFalse(robot.lookup("#eval-message").queryAs(Label.class).getPseudoClassStates().toString().contains("error"));

        @SuppressWarnings("unchecked")
        TableView<ClassRow> table = robot.lookup("#class-table").queryAs(TableView.class);
        assertEquals(N + 1, table.getItems().size(), "ten digits and their macro average");
        for (int d = 0; d < N; d++) {
            int support = 0;
            for (int p = 0; p < N; p++) {
                support += shownCount(robot, d, p);
            }
            assertEquals(support, table.getItems().get(d).support(), "support of " + d);
        }
        assertTrue(table.getItems().get(N).isAverage());
        assertEquals(10_000, table.getItems().get(N).support());

        // A click on a header sorts the digits by that column; the average stays last.
        robot.clickOn("Recall");
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 1; i < N; i++) {
            assertTrue(table.getItems().get(i - 1).recall().getAsDouble() <= table.getItems().get(i).recall().getAsDouble(),
                    "ascending recall at row " + i);
        }
        assertTrue(table.getItems().get(N).isAverage(), "the average row stays last");
        robot.clickOn("Recall");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().get(0).recall().getAsDouble() >= table.getItems().get(1).recall().getAsDouble(), "descending");
        assertTrue(table.getItems().get(N).isAverage(), "the average row stays last");
        robot.clickOn("Recall"); // back to unsorted: by digit
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, table.getItems().get(0).digit());

        // the colour scale toggle, on the live model's largest error cell, and an empty one
        app.digitpad.ml.eval.ConfusionMatrix matrix = model.resultProperty().get().evaluation().matrix();
        int[] largest = {0, 1};
        int[] none = null;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                if (a != p && matrix.count(a, p) > matrix.count(largest[0], largest[1])) {
                    largest = new int[] {a, p};
                }
                if (a != p && none == null && matrix.count(a, p) == 0) {
                    none = new int[] {a, p};
                }
            }
        }
        String errorCell = "#cell-" + largest[0] + "-" + largest[1];
        assertTrue(shownCount(robot, largest[0], largest[1]) > 0);
        Node errorFill = robot.lookup(errorCell + " .heat-fill").query();
        double logOpacity = errorFill.getOpacity();
        assertEquals(model.heatProperty().get().intensity(largest[0], largest[1]), logOpacity, 1e-9);
        robot.clickOn("#scale-row");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HeatScale.Mode.ROW, model.scaleModeProperty().get());
        HeatScale row = model.heatProperty().get();
        assertEquals(row.intensity(largest[0], largest[1]), errorFill.getOpacity(), 1e-9);
        assertTrue(robot.lookup(errorCell + " .heat-share").query().isVisible(), "row shares are shown in row mode");
        assertTrue(none != null, "the model has a confusion it never makes");
        assertEquals(0.0, robot.lookup("#cell-" + none[0] + "-" + none[1] + " .heat-fill").query().getOpacity(),
                "zero stays empty");
        robot.clickOn("#scale-log");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(logOpacity, errorFill.getOpacity(), 1e-9);
    }

    @Test
    void clickingAnErrorCellShowsExactlyItsImagesAndADiagonalCellIsPaged(FxRobot robot) throws Exception {
        EvaluateViewModel model = openEvaluateTab(robot);
        // the largest off-diagonal cell (5 taken for 3, 8 images, with the shipped model)
        int bestA = -1;
        int bestP = -1;
        int best = 0;
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                if (a != p && shownCount(robot, a, p) > best) {
                    best = shownCount(robot, a, p);
                    bestA = a;
                    bestP = p;
                }
            }
        }
        assertTrue(best > 1, "an error cell with several images");
        robot.clickOn("#cell-" + bestA + "-" + bestP);
        WaitForAsyncUtils.waitForFxEvents();
        Pane tiles = robot.lookup("#gallery-tiles").queryAs(Pane.class);
        assertEquals(best, tiles.getChildren().size());
        assertEquals(String.format("True %d → predicted %d: %d images", bestA, bestP, best), text(robot, "#gallery-title"));
        assertEquals(best + " of " + best, text(robot, "#gallery-page"));
        List<Integer> expected = model.resultProperty().get().evaluation().indicesIn(bestA, bestP);
        for (int i = 0; i < best; i++) {
            Node thumb = tiles.getChildren().get(i);
            assertEquals("thumb-" + expected.get(i), thumb.getId());
            Label caption = (Label) ((Pane) thumb).getChildren().get(1);
            assertTrue(caption.getText().startsWith("→ " + bestP + " · "), caption.getText());
        }
        // hovering the last image shows its own top three, the true digit among them or not
        int last = expected.get(best - 1);
        robot.moveTo("#thumb-" + last);
        WaitForAsyncUtils.waitForFxEvents();
        float[] p = model.resultProperty().get().evaluation().probabilities(last);
        int top = TopClasses.top(p, 1)[0];
        assertEquals(bestP, top);
        assertEquals(String.format("%.1f%%", p[top] * 100), text(robot, "#top3-0"));
        assertTrue(robot.lookup("#gallery-top3").queryAs(Pane.class).getChildren().size() == 9, "three rows of three");

        // selected, its "Why?" shows its maps for its prediction against its true digit, from the live model
        robot.clickOn("#thumb-" + last);
        assertFalse(robot.lookup("#gallery-why-view").query().isVisible(), "the images until Why? is chosen");
        robot.clickOn("#gallery-mode-why");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.why().whyProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#gallery-why-view").query().isVisible());
        assertFalse(shown(robot.lookup("#gallery-tiles").query()), "in place of the images");
        app.digitpad.ui.network.Why why = model.why().whyProperty().get();
        assertEquals(bestP, why.first());
        assertEquals(bestA, why.second());
        assertEquals(784, why.firstMap().length);
        assertTrue(why.scale() > 0);
        assertEquals(String.format("Why #%d was read as %d and not %d, its true digit:", last, bestP, bestA),
                text(robot, "#gallery-why-title"));
        app.digitpad.ui.network.SaliencyOverlay overlay =
                robot.lookup("#gallery-why #why-first").queryAs(app.digitpad.ui.network.SaliencyOverlay.class);
        assertEquals(784, overlay.map().length);
        // the arrows step through the page: back to the one before
        robot.clickOn("#gallery-why-previous");
        int before = expected.get(best - 2);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.why().whyProperty().get() != null
                && model.inspectedProperty().get().index() == before);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#gallery-why-title").startsWith("Why #" + before + " was read as " + bestP), 
                text(robot, "#gallery-why-title"));
        robot.clickOn("#gallery-mode-images");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(robot.lookup("#gallery-tiles").query()));

        // a diagonal cell of about a thousand images is paged, not built whole
        int ones = shownCount(robot, 1, 1);
        robot.clickOn("#cell-1-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EvaluateViewModel.PAGE_SIZE, tiles.getChildren().size());
        assertEquals(String.format("True 1 → predicted 1: %,d images", ones), text(robot, "#gallery-title"));
        assertEquals(String.format("1–60 of %,d", ones), text(robot, "#gallery-page"));
        robot.clickOn("#gallery-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format("61–120 of %,d", ones), text(robot, "#gallery-page"));
        assertEquals(EvaluateViewModel.PAGE_SIZE, tiles.getChildren().size());
    }

    @Test
    void csvAndPngExportsMatchTheView(FxRobot robot) throws Exception {
        openEvaluateTab(robot);
        Files.createDirectories(exports);
        Path csv = exports.resolve("evaluation.csv");
        Path png = exports.resolve("evaluation.png");
        Files.deleteIfExists(csv);
        Files.deleteIfExists(png);
        dialogs.saveAnswers.put(".csv", csv);
        dialogs.saveAnswers.put(".png", png);

        robot.clickOn("#export-csv");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.format("%.2f%%", Double.parseDouble(value(lines, "accuracy")) * 100), text(robot, "#eval-accuracy"));
        assertEquals(String.format("%.4f", Double.parseDouble(value(lines, "loss"))), text(robot, "#eval-loss"));
        int header = lines.indexOf("true\\predicted,0,1,2,3,4,5,6,7,8,9");
        assertTrue(header > 0, lines.toString());
        for (int a = 0; a < N; a++) {
            String[] cells = lines.get(header + 1 + a).split(",");
            assertEquals(Integer.toString(a), cells[0]);
            for (int p = 0; p < N; p++) {
                assertEquals(shownCount(robot, a, p), Integer.parseInt(cells[p + 1]), "cell " + a + "," + p);
            }
        }
        int metrics = lines.indexOf("digit,precision,recall,f1,support");
        @SuppressWarnings("unchecked")
        TableView<ClassRow> table = robot.lookup("#class-table").queryAs(TableView.class);
        for (int d = 0; d < N; d++) {
            String[] cells = lines.get(metrics + 1 + d).split(",");
            ClassRow row = table.getItems().get(d);
            assertEquals(ConfusionMatrix.format(row.precision()), threeDecimals(cells[1]), "precision of " + d);
            assertEquals(ConfusionMatrix.format(row.recall()), threeDecimals(cells[2]), "recall of " + d);
            assertEquals(ConfusionMatrix.format(row.f1()), threeDecimals(cells[3]), "f1 of " + d);
            assertEquals(row.support(), Integer.parseInt(cells[4]));
        }

        robot.clickOn("#export-png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a readable PNG");
        // The picture is the matrix and the table laid out for the file at twice their size, not the screen.
        EvaluateViewModel model = robot.lookup("#evaluate-view").queryAs(EvaluateView.class).model();
        Bounds picture = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.layout.VBox node = EvaluationPicture.build(model.resultProperty().get(), model.heatProperty().get(),
                    model.classRows());
            javafx.scene.Scene scene = new javafx.scene.Scene(node);
            app.digitpad.ui.Theme.same(scene, robot.lookup("#evaluate-view").query().getScene());
            node.applyCss();
            return new javafx.geometry.BoundingBox(0, 0, node.prefWidth(-1), node.prefHeight(-1));
        }).get(10, TimeUnit.SECONDS);
        assertEquals(EvaluationPicture.SCALE * Math.ceil(picture.getWidth()), image.getWidth(), 2 * EvaluationPicture.SCALE);
        assertEquals(EvaluationPicture.SCALE * Math.ceil(picture.getHeight()), image.getHeight(), 2 * EvaluationPicture.SCALE);
        Node view = robot.lookup("#evaluate-view").query();
        assertTrue(image.getWidth() != Math.ceil(view.getLayoutBounds().getWidth()), "not a screenshot of the tab");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs.notices.size() == 2);
        assertEquals(List.of("Saved " + csv.toAbsolutePath(), "Saved " + png.toAbsolutePath()), dialogs.notices,
                "each notice names the full path");
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aNewLiveModelIsEvaluatedWhenTheTabIsShownAgain(FxRobot robot) throws Exception {
        EvaluateViewModel model = openEvaluateTab(robot);
        EvaluateViewModel.Result first = model.resultProperty().get();
        String accuracy = text(robot, "#eval-accuracy");
        Path copy = Path.of(System.getProperty("digitpad.home", "target/test-home")).resolve("models").resolve("copy.dpmodel");
        Files.createDirectories(copy.getParent());
        try (var in = getClass().getResourceAsStream("/digitpad/models/digitpad-default.dpmodel")) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        robot.clickOn("#tab-draw");
        WaitForAsyncUtils.asyncFx(() -> window.mainModel().openModel(copy)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo().file().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.runningProperty().get(), "no evaluation competes with drawing while the tab is hidden");
        assertTrue(first == model.resultProperty().get());

        robot.clickOn("#tab-evaluate");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> model.resultProperty().get() != first && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(accuracy, text(robot, "#eval-accuracy"), "the same weights from a file score the same");
        assertEquals(List.of(), dialogs.errors);
    }

    private static Callable<Boolean> exists(Path file) {
        return () -> Files.isRegularFile(file) && Files.size(file) > 0;
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + ",")).findFirst().orElseThrow().substring(key.length() + 1);
    }

    private static String threeDecimals(String csvValue) {
        return "n/a".equals(csvValue) ? csvValue : String.format("%.3f", Double.parseDouble(csvValue));
    }
}
