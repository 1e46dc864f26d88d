package app.digitpad.ui.network;

import app.digitpad.ml.inspect.FilterBank;
import app.digitpad.ml.inspect.Layer;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first layer's learned filters as tiles on one symmetric scale: negative weights dark, 0 mid-grey, positive light. */
final class FilterGrid extends VBox {
    private static final double TILE = 40;

    private final FilterBank bank;
    private final WritableImage mosaic;
    private final TileCanvas tiles;

    FilterGrid(FilterBank bank, NetworkViewModel model) {
        super(4);
        this.bank = bank;
        getStyleClass().add("stage");
        setId("filters");
        Label title = new Label(bank.title());
        title.getStyleClass().add("stage-title");
        title.setWrapText(true);
        float magnitude = bank.maxMagnitude();
        HBox legend = GrayLegend.of(new Label(Layer.valueText(-magnitude)), new Label(Layer.valueText(magnitude)),
                "weights; 0 is mid-grey");

        int w = bank.width();
        int h = bank.height();
        float[] all = new float[bank.count() * w * h];
        for (int c = 0; c < bank.count(); c++) {
            System.arraycopy(bank.filters().get(c), 0, all, c * w * h, w * h);
        }
        mosaic = Tiles.newMosaic(bank.count(), w, h);
        Tiles.mosaic(mosaic, all, bank.count(), w, h, -magnitude, magnitude);
        double scale = Math.max(1, Math.round(TILE / Math.max(w, h)));
        tiles = new TileCanvas(bank.count(), w, h, scale, c -> model.hover(c < 0 ? null : TileRef.filter(c)),
                c -> model.pin(TileRef.filter(c)));
        tiles.setId("filter-tiles");
        tiles.setImage(mosaic);
        getChildren().addAll(title, legend, tiles);
    }

    FilterBank bank() {
        return bank;
    }

    WritableImage mosaic() {
        return mosaic;
    }

    void markPinned(int channel) {
        tiles.setPinned(channel);
    }
}
