package app.digitpad.ui.network;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The grey-scale key above a grid of tiles: its low value, the gradient, its high value, a note. */
final class GrayLegend {
    private GrayLegend() {}

    static HBox of(Label low, Label high, String note) {
        low.getStyleClass().add("scale-value");
        high.getStyleClass().add("scale-value");
        Region gradient = new Region();
        gradient.getStyleClass().add("gray-scale");
        Label noteLabel = new Label(note);
        noteLabel.getStyleClass().add("scale-note");
        HBox legend = new HBox(6, low, gradient, high, noteLabel);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("stage-legend");
        return legend;
    }
}
