package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import app.digitpad.ml.inspect.Stage;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One convolution stage's feature maps: a small grey tile per channel, all on the stage's one scale
 * (its lowest value black, its highest white), with that scale shown. Hover a tile to see it
 * enlarged in the detail card, click to pin it there.
 */
final class FeatureMapGrid extends VBox {
    /** About this many screen pixels per tile side, in whole multiples of the map's side. */
    private static final double TILE = 44;

    private final int stageIndex;
    private final Stage stage;
    /** All channels side by side in one image, which the tiles are cut from. */
    private final WritableImage mosaic;
    private final TileCanvas tiles;
    private final Label lowLabel = new Label();
    private final Label highLabel = new Label();
    private float low;
    private float high;
    private float[] values;

    FeatureMapGrid(int stageIndex, Stage stage, NetworkViewModel model) {
        super(4);
        this.stageIndex = stageIndex;
        this.stage = stage;
        getStyleClass().add("stage");
        setId("stage-" + stageIndex);
        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        title.setWrapText(true);
        Label shape = new Label(stage.channels() + " feature maps of " + stage.height() + "×" + stage.width());
        shape.getStyleClass().add("stage-shape");
        HBox legend = GrayLegend.of(lowLabel, highLabel, "one scale for the whole layer");

        double scale = Math.max(1, Math.round(TILE / Math.max(stage.height(), stage.width())));
        mosaic = Tiles.newMosaic(stage.channels(), stage.width(), stage.height());
        tiles = new TileCanvas(stage.channels(), stage.width(), stage.height(), scale,
                c -> model.hover(c < 0 ? null : TileRef.featureMap(stageIndex, c)),
                c -> model.pin(TileRef.featureMap(stageIndex, c)));
        tiles.setId("stage-" + stageIndex + "-tiles");
        HBox head = new HBox(8, title, shape);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(head, legend, tiles);
        show(null);
    }

    /** Shows the stage's output (its shown layer's values), or black tiles for null. */
    void show(float[] layerOutput) {
        values = layerOutput;
        low = 0;
        high = 0;
        if (layerOutput != null) {
            low = Float.MAX_VALUE;
            high = -Float.MAX_VALUE;
            for (float v : layerOutput) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        Tiles.mosaic(mosaic, layerOutput, stage.channels(), stage.width(), stage.height(), low, high);
        tiles.setImage(mosaic);
        lowLabel.setText(layerOutput == null ? "" : Layer.valueText(low));
        highLabel.setText(layerOutput == null ? "" : Layer.valueText(high));
    }

    void markPinned(int channel) {
        tiles.setPinned(channel);
    }

    int stageIndex() {
        return stageIndex;
    }

    Stage stage() {
        return stage;
    }

    float low() {
        return low;
    }

    float high() {
        return high;
    }

    float[] values() {
        return values;
    }

    WritableImage mosaic() {
        return mosaic;
    }

    int tileCount() {
        return stage.channels();
    }
}
