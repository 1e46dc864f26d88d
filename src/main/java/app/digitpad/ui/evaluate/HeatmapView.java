package app.digitpad.ui.evaluate;

import app.digitpad.ml.eval.ConfusionMatrix;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The 10x10 confusion matrix as a heatmap: true digits down, predicted digits across, the count in
 * every cell, and a legend. Colours are CSS: a cell's empty colour ({@code -dp-heat-empty}) under
 * a fill ({@code -dp-heat-error}, or {@code -dp-heat-correct} on the diagonal) whose opacity is the
 * {@link HeatScale} intensity, so the blend between the two CSS colours is the only thing Java
 * decides.
 */
final class HeatmapView extends VBox {
    private static final int N = ConfusionMatrix.CLASSES;
    private static final PseudoClass ZERO = PseudoClass.getPseudoClass("zero");
    private static final PseudoClass STRONG = PseudoClass.getPseudoClass("strong");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final int SWATCHES = 6;

    private final Cell[][] cells = new Cell[N][N];
    private final Label errorLow = legendLabel();
    private final Label errorHigh = legendLabel();
    private final Label correctLow = legendLabel();
    private final Label correctHigh = legendLabel();

    /** One cell: its fill, its count, and in row mode its share of the row. */
    static final class Cell extends StackPane {
        final Region fill = new Region();
        final Label count = new Label();
        final Label share = new Label();
        final Tooltip tooltip = new Tooltip();

        Cell(int actual, int predicted) {
            setId("cell-" + actual + "-" + predicted);
            getStyleClass().addAll("heat-cell", actual == predicted ? "diagonal" : "off-diagonal");
            fill.getStyleClass().add("heat-fill");
            fill.setOpacity(0);
            fill.setMouseTransparent(true);
            count.setId("count-" + actual + "-" + predicted);
            count.getStyleClass().add("heat-count");
            count.setMinWidth(Region.USE_PREF_SIZE); // "1129" whole, never "11..." (a selected cell's border is thicker)
            share.getStyleClass().add("heat-share");
            VBox text = new VBox(count, share);
            text.setAlignment(Pos.CENTER);
            text.setMouseTransparent(true);
            share.managedProperty().bind(share.visibleProperty());
            getChildren().addAll(fill, text);
            tooltip.setShowDelay(Duration.millis(300));
            Tooltip.install(this, tooltip);
        }
    }

    HeatmapView(BiConsumer<Integer, Integer> onSelect) {
        getStyleClass().add("heatmap");
        setId("heatmap");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("heat-grid");

        Label predictedTitle = new Label("Predicted digit");
        predictedTitle.getStyleClass().add("axis-title");
        grid.add(predictedTitle, 2, 0, N, 1);
        GridPane.setHalignment(predictedTitle, HPos.CENTER);
        Label trueTitle = new Label("True digit");
        trueTitle.getStyleClass().add("axis-title");
        trueTitle.setRotate(-90);
        grid.add(new Group(trueTitle), 0, 2, 1, N);

        for (int d = 0; d < N; d++) {
            Label column = new Label(Integer.toString(d));
            column.getStyleClass().add("axis-digit");
            grid.add(column, d + 2, 1);
            GridPane.setHalignment(column, HPos.CENTER);
            Label row = new Label(Integer.toString(d));
            row.getStyleClass().add("axis-digit");
            grid.add(row, 1, d + 2);
            GridPane.setHalignment(row, HPos.CENTER);
        }
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                Cell cell = new Cell(a, p);
                int actual = a;
                int predicted = p;
                cell.setOnMouseClicked(e -> onSelect.accept(actual, predicted));
                cells[a][p] = cell;
                grid.add(cell, p + 2, a + 2);
            }
        }
        getChildren().addAll(grid, legend());
        show(null);
    }

    private HBox legend() {
        Region zero = new Region();
        zero.getStyleClass().addAll("legend-swatch", "zero-swatch");
        Label zeroLabel = legendLabel();
        zeroLabel.setText("0");
        HBox legend = new HBox(6, zero, zeroLabel, caption("Errors"), errorLow, swatches("off-diagonal"), errorHigh,
                caption("Correct"), correctLow, swatches("diagonal"), correctHigh);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("heat-legend");
        legend.setId("heat-legend");
        return legend;
    }

    /** Swatches at evenly spaced intensities from the floor to 1, drawn exactly as cells are. */
    private static HBox swatches(String kind) {
        HBox row = new HBox();
        row.getStyleClass().add("legend-bar");
        for (int i = 0; i < SWATCHES; i++) {
            Region fill = new Region();
            fill.getStyleClass().add("heat-fill");
            fill.setOpacity(HeatScale.FLOOR + (1 - HeatScale.FLOOR) * i / (SWATCHES - 1));
            StackPane swatch = new StackPane(fill);
            swatch.getStyleClass().addAll("legend-swatch", kind);
            row.getChildren().add(swatch);
        }
        return row;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("legend-caption");
        return label;
    }

    private static Label legendLabel() {
        Label label = new Label();
        label.getStyleClass().add("legend-value");
        return label;
    }

    /** Shows a scale's counts and colours; {@code null} empties the cells. */
    void show(HeatScale scale) {
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                Cell cell = cells[a][p];
                if (scale == null) {
                    cell.count.setText("");
                    cell.share.setVisible(false);
                    cell.fill.setOpacity(0);
                    cell.pseudoClassStateChanged(ZERO, true);
                    cell.pseudoClassStateChanged(STRONG, false);
                    cell.setDisable(true);
                    cell.tooltip.setText("Not evaluated yet");
                    continue;
                }
                int count = scale.count(a, p);
                double share = scale.rowShare(a, p);
                cell.setDisable(false);
                cell.count.setText(Integer.toString(count));
                cell.share.setText(percent(share));
                cell.share.setVisible(scale.mode() == HeatScale.Mode.ROW && count > 0);
                cell.fill.setOpacity(scale.intensity(a, p));
                cell.pseudoClassStateChanged(ZERO, count == 0);
                cell.pseudoClassStateChanged(STRONG, scale.strong(a, p));
                cell.tooltip.setText(String.format("True %d, predicted %d: %,d image%s (%s of the %ds)", a, p, count,
                        count == 1 ? "" : "s", percent(share), a));
            }
        }
        if (scale == null) {
            errorLow.setText("");
            errorHigh.setText("");
            correctLow.setText("");
            correctHigh.setText("");
        } else if (scale.mode() == HeatScale.Mode.LOG) {
            errorLow.setText("1");
            errorHigh.setText(String.format("%,d", Math.max(1, scale.maxError())));
            correctLow.setText("1");
            correctHigh.setText(String.format("%,d", Math.max(1, scale.maxCorrect())));
        } else {
            errorLow.setText(">0%");
            errorHigh.setText(percent(scale.maxErrorShare()));
            correctLow.setText(">0%");
            correctHigh.setText("100%");
        }
    }

    void select(int actual, int predicted) {
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                cells[a][p].pseudoClassStateChanged(SELECTED, a == actual && p == predicted);
            }
        }
    }

    private static String percent(double share) {
        // whole numbers only when exact: 978 of 980 must not read "100%"
        return share == 0 || share == 1 ? String.format("%.0f%%", share * 100) : String.format("%.1f%%", share * 100);
    }
}
