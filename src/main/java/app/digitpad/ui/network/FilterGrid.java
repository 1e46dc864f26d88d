package app.digitpad.ui.network;

import app.digitpad.ml.inspect.FilterBank;
import app.digitpad.ml.inspect.Layer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** The first layer's learned filters as tiles on one symmetric scale: negative weights dark, 0 mid-grey, positive light. */
final class FilterGrid extends VBox {
    private static final double TILE = 40;

    private final FilterBank bank;
    private final StackPane[] frames;

    FilterGrid(FilterBank bank, NetworkViewModel model) {
        super(4);
        this.bank = bank;
        getStyleClass().add("stage");
        setId("filters");
        Label title = new Label(bank.title());
        title.getStyleClass().add("stage-title");
        title.setWrapText(true);
        float magnitude = bank.maxMagnitude();
        Label low = new Label(Layer.valueText(-magnitude));
        low.getStyleClass().add("scale-value");
        Label high = new Label(Layer.valueText(magnitude));
        high.getStyleClass().add("scale-value");
        Region gradient = new Region();
        gradient.getStyleClass().add("gray-scale");
        Label note = new Label("weights; 0 is mid-grey");
        note.getStyleClass().add("scale-note");
        HBox legend = new HBox(6, low, gradient, high, note);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("stage-legend");

        double scale = Math.max(1, Math.round(TILE / Math.max(1, Math.max(bank.height(), bank.width()))));
        TilePane grid = new TilePane();
        grid.getStyleClass().addAll("tile-grid", "filter-grid");
        frames = new StackPane[bank.count()];
        for (int c = 0; c < bank.count(); c++) {
            ImageView view = Tiles.view(bank.width(), bank.height(), scale);
            Tiles.signed(view, bank.filters().get(c), magnitude);
            StackPane frame = new StackPane(view);
            frame.getStyleClass().add("tile");
            frame.setId("filter-" + c);
            TileRef ref = TileRef.filter(c);
            frame.setOnMouseEntered(e -> model.hover(ref));
            frame.setOnMouseExited(e -> model.hover(null));
            frame.setOnMouseClicked(e -> model.pin(ref));
            frames[c] = frame;
            grid.getChildren().add(frame);
        }
        getChildren().addAll(title, legend, grid);
    }

    FilterBank bank() {
        return bank;
    }

    void markPinned(int channel) {
        for (int c = 0; c < frames.length; c++) {
            frames[c].pseudoClassStateChanged(FeatureMapGrid.PINNED, c == channel);
        }
    }
}
