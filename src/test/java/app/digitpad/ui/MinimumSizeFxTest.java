package app.digitpad.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.app.DigitPadWindow;
import app.digitpad.ui.evaluate.EvaluateView;
import app.digitpad.ui.train.TrainView;
import app.digitpad.ui.train.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at its own minimum size (900x620): every tab's key controls lie inside the window
 * and inside every container around them (nothing cut off by a scroll pane or a table), and their
 * text is whole (no "Ex…" for "Export PNG…").
 */
@ExtendWith(ApplicationExtension.class)
class MinimumSizeFxTest {
    private final TestDialogs dialogs = new TestDialogs();
    private DigitPadWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new DigitPadWindow(stage, dialogs);
        stage.setWidth(900);
        stage.setHeight(620);
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.shutdown()).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theWindowCannotBeMadeSmallerThanItsMinimum() throws Exception {
        assertEquals(900, fx(() -> stage.getMinWidth()));
        assertEquals(620, fx(() -> stage.getMinHeight()));
        assertEquals(900, fx(() -> stage.getScene().getWidth()), 1);
        assertEquals(620, fx(() -> stage.getScene().getHeight()), 1);
    }

    @Test
    void everyTabsKeyControlsAreInsideTheWindowAndWhole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.services().liveModel().getInfo() != null);
        List<String> problems = new ArrayList<>();

        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(fx(() -> check(robot, "#pad", "#undo", "#clear", "#top-digit", "#confidence", "#pad-model", "#bars", "#teach-1", "#teach-none")));

        // After a tiny run: a long status line, both charts with their legend, the run in the history.
        robot.clickOn("#tab-train");
        TrainView train = robot.lookup("#train-view").queryAs(TrainView.class);
        fx(() -> {
            train.viewModel().settings().trainImagesProperty().set(2_000);
            train.viewModel().settings().testImagesProperty().set(500);
            train.viewModel().start();
            return null;
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> train.viewModel().session().outcomeProperty().get() == TrainingSession.Outcome.DONE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#run-history").queryAs(TableView.class)
                .getItems().size() >= 2); // the new run and the bundled model
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(fx(() -> check(robot, "#train-arch", "#train-epochs", "#train-batch", "#train-lr", "#train-schedule",
                "#train-augment", "#train-advanced", "#train-defaults", "#train-start", "#train-cancel", "#train-progress",
                "#train-status", "#loss-chart", "#accuracy-chart", "#loss-latest", "#accuracy-latest", "#chart-legend",
                "#run-history", "#train-refresh-history", "#train-make-live", "#train-delete-run")));
        problems.addAll(fx(() -> check(robot, "#chart-legend > .legend-item")));
        // the figures that matter in the history show without scrolling sideways
        for (String column : List.of("Trained", "Test accuracy", "Time", "Architecture")) {
            problems.addAll(fx(() -> checkColumn(robot, "#run-history", column)));
        }

        robot.clickOn("#tab-evaluate");
        EvaluateView view = robot.lookup("#evaluate-view").queryAs(EvaluateView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.model().resultProperty().get() != null
                && !view.model().runningProperty().get());
        fx(() -> {
            view.model().select(1, 1); // the largest cell, over a thousand images: a four-digit count, selected
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> evaluate = new ArrayList<>(List.of("#eval-accuracy", "#eval-loss", "#eval-model", "#eval-run",
                "#export-csv", "#export-png", "#scale-log", "#scale-row", "#class-table", "#gallery-title", "#gallery-prev",
                "#gallery-page", "#gallery-next", "#heat-legend"));
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                evaluate.add("#cell-" + a + "-" + p);
                evaluate.add("#count-" + a + "-" + p);
            }
        }
        problems.addAll(fx(() -> check(robot, evaluate.toArray(String[]::new))));
        // the first thumbnail of the selected cell, and all eleven rows of the table without scrolling
        problems.addAll(fx(() -> check(robot, "#gallery-tiles > .thumb")));
        assertFalse(fx(() -> verticalScrollBarShown(robot.lookup("#class-table").query())), "the per-digit table scrolls");
        String ones = fx(() -> robot.lookup("#count-1-1").queryAs(Labeled.class).getText());
        assertTrue(ones.length() == 4, "the 1s' cell holds over a thousand images: " + ones);

        assertEquals(List.of(), problems);
        assertEquals(List.of(), dialogs.errors);
    }

    /** What is wrong with each node: outside the window, cut off by a container, hidden, or text cut short. */
    private static List<String> check(FxRobot robot, String... queries) {
        List<String> problems = new ArrayList<>();
        for (String query : queries) {
            Node node = robot.lookup(query).query();
            assertNotNull(node, query);
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            double width = node.getScene().getWidth();
            double height = node.getScene().getHeight();
            if (bounds.getMinX() < -0.5 || bounds.getMinY() < -0.5 || bounds.getMaxX() > width + 0.5
                    || bounds.getMaxY() > height + 0.5) {
                problems.add(query + " reaches outside the window: " + bounds);
            }
            for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (!parent.isVisible() || !node.isVisible()) {
                    problems.add(query + " is hidden");
                    break;
                }
                Bounds outer = parent.localToScene(parent.getLayoutBounds());
                if (clips(parent) && (bounds.getMinX() < outer.getMinX() - 0.5 || bounds.getMaxX() > outer.getMaxX() + 0.5
                        || bounds.getMinY() < outer.getMinY() - 0.5 || bounds.getMaxY() > outer.getMaxY() + 0.5)) {
                    problems.add(query + " is cut off by its " + parent.getClass().getSimpleName() + " " + outer + ": " + bounds);
                    break;
                }
            }
            if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
                Optional<String> shown = labeled.lookupAll(".text").stream().filter(Text.class::isInstance)
                        .filter(t -> t.getClass().getSimpleName().equals("LabeledText") && ownerOf(t) == labeled).map(t -> ((Text) t).getText()).findFirst();
                if (shown.isPresent() && !shown.get().equals(labeled.getText())) {
                    problems.add(query + " shows \"" + shown.get() + "\" instead of \"" + labeled.getText() + "\"");
                }
            }
        }
        return problems;
    }

    /** A table's column header, found by its title, is inside the window and the table and whole. */
    private static List<String> checkColumn(FxRobot robot, String table, String title) {
        Node header = robot.lookup(table + " .column-header").match(n -> n.lookupAll(".label").stream()
                .anyMatch(l -> l instanceof Labeled labeled && title.equals(labeled.getText()))).query();
        assertNotNull(header, table + " has a column " + title);
        Node tableNode = robot.lookup(table).query();
        Bounds inner = header.localToScene(header.getLayoutBounds());
        Bounds outer = tableNode.localToScene(tableNode.getLayoutBounds());
        List<String> problems = new ArrayList<>();
        if (inner.getMinX() < outer.getMinX() - 0.5 || inner.getMaxX() > outer.getMaxX() + 0.5) {
            problems.add(table + " column \"" + title + "\" is outside the table's view: " + inner + " in " + outer);
        }
        header.lookupAll(".label").stream().filter(Labeled.class::isInstance).map(Labeled.class::cast)
                .filter(l -> title.equals(l.getText())).findFirst().ifPresent(label -> {
                    Optional<String> shown = label.lookupAll(".text").stream().filter(Text.class::isInstance)
                            .map(t -> ((Text) t).getText()).findFirst();
                    if (shown.isPresent() && !shown.get().equals(title)) {
                        problems.add(table + " column \"" + title + "\" shows \"" + shown.get() + "\"");
                    }
                });
        return problems;
    }

    /** The control whose text a text node shows: the nearest labeled control around it. */
    private static Labeled ownerOf(Node text) {
        for (Node n = text.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Labeled labeled) {
                return labeled;
            }
        }
        return null;
    }

    /** Containers that cut off what lies outside them: scroll panes' viewports, tables, clipped regions. */
    private static boolean clips(Parent parent) {
        return parent.getClip() != null || Set.of("ClippedContainer", "VirtualFlow").contains(parent.getClass().getSimpleName())
                || parent.getStyleClass().contains("viewport");
    }

    private static boolean verticalScrollBarShown(Node table) {
        return table.lookupAll(".scroll-bar").stream().filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
    }
}
