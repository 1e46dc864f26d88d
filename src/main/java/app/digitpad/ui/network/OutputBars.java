package app.digitpad.ui.network;

import app.digitpad.ml.inspect.ClassNames;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The output layer's probabilities, one labelled column per class (10 digits, or 11 with "not a digit"). */
final class OutputBars extends HBox {
    private static final PseudoClass TOP = PseudoClass.getPseudoClass("top");
    private static final double HEIGHT = 70;

    private final Region[] fills;
    private final Label[] values;
    private final StackPane[] tracks;

    OutputBars(int classes) {
        super(6);
        getStyleClass().add("output-bars");
        setId("network-output");
        fills = new Region[classes];
        values = new Label[classes];
        tracks = new StackPane[classes];
        for (int c = 0; c < classes; c++) {
            Region fill = new Region();
            fill.getStyleClass().add("output-fill");
            fill.setMaxHeight(0);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("output-track");
            track.setAlignment(Pos.BOTTOM_CENTER);
            track.setMinHeight(HEIGHT);
            track.setPrefHeight(HEIGHT);
            Label value = new Label();
            value.getStyleClass().add("output-value");
            Label name = new Label(ClassNames.symbol(c));
            name.getStyleClass().add("output-class");
            if (c >= ClassNames.DIGITS) {
                name.setTooltip(new javafx.scene.control.Tooltip(ClassNames.of(c)));
            }
            VBox column = new VBox(2, value, track, name);
            column.setAlignment(Pos.BOTTOM_CENTER);
            column.getStyleClass().add("output-column");
            fills[c] = fill;
            values[c] = value;
            tracks[c] = track;
            getChildren().add(column);
        }
    }

    void show(float[] probabilities) {
        int top = probabilities == null ? -1 : app.digitpad.ml.inspect.Ranking.order(probabilities)[0];
        for (int c = 0; c < fills.length; c++) {
            double p = probabilities == null ? 0 : probabilities[c];
            fills[c].setMinHeight(0);
            fills[c].setPrefHeight(HEIGHT * p);
            fills[c].setMaxHeight(HEIGHT * p);
            values[c].setText(probabilities == null ? "" : p >= 0.995 ? "100" : p < 0.005 ? "" : String.format("%.0f", p * 100));
            tracks[c].pseudoClassStateChanged(TOP, c == top);
        }
    }
}
