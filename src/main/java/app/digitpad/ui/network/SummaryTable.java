package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import app.digitpad.ml.inspect.ModelSummary;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The model summary: each layer's output shape, parameters and multiply-adds for one image, then the totals and what they count. */
final class SummaryTable extends VBox {
    private final GridPane grid = new GridPane();

    SummaryTable(ModelSummary summary) {
        super(4);
        grid.getStyleClass().add("summary-table");
        grid.setId("summary-table");
        getChildren().add(grid);
        for (int c = 0; c < 5; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(c >= 2 ? HPos.RIGHT : HPos.LEFT);
            grid.getColumnConstraints().add(column);
        }
        grid.addRow(0, head("#"), head("Layer"), head("Output"), head("Parameters"), head("Multiply-adds"));
        int row = 1;
        for (Layer layer : summary.layers()) {
            grid.addRow(row++, cell(Integer.toString(layer.index() + 1)), cell(layer.title()), cell(layer.outputText()),
                    cell(String.format("%,d", layer.parameters())), cell(String.format("%,d", layer.multiplyAdds())));
        }
        Label total = cell("Total");
        Label params = cell(String.format("%,d", summary.totalParameters()));
        params.setId("summary-total-parameters");
        Label macs = cell(String.format("%,d", summary.totalMultiplyAdds()));
        macs.setId("summary-total-macs");
        grid.addRow(row, cell(""), total, cell(summary.classes() + " outputs"), params, macs);
        for (Label l : new Label[] {total, params, macs}) {
            l.getStyleClass().add("summary-total");
        }
        if (summary.totalRunningStatistics() > 0) {
            Label note = cell(String.format("Parameters include %,d batch-norm running means and variances, averaged in "
                    + "training rather than learned; %,d are learned.", summary.totalRunningStatistics(),
                    summary.totalParameters() - summary.totalRunningStatistics()));
            note.getStyleClass().add("summary-note");
            note.setWrapText(true);
            getChildren().add(note);
        }
        Label how = cell("Multiply-adds: a convolution's or dense layer's products, one per value for batch norm "
                + "(a scale and a shift at inference); ReLU, pooling and reshapes only compare or move values.");
        how.getStyleClass().add("summary-note");
        how.setWrapText(true);
        getChildren().add(how);
    }

    private static Label head(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-head");
        return label;
    }

    private static Label cell(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("summary-cell");
        return label;
    }
}
