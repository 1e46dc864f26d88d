package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The hovered or pinned tile, enlarged, with its channel number and values; a pinned feature map follows the drawing live. */
final class TileDetail extends VBox {
    static final double SIDE = 150;

    private final Label title = new Label();
    private final Label caption = new Label();
    private final StackPane picture = new StackPane();

    TileDetail() {
        super(4);
        setId("tile-detail");
        getStyleClass().add("tile-detail");
        title.setId("tile-detail-title");
        title.getStyleClass().add("detail-heading");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.getStyleClass().add("detail-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        picture.getStyleClass().add("detail-picture");
        picture.setMinSize(SIDE, SIDE);
        picture.setPrefSize(SIDE, SIDE);
        picture.setMaxSize(SIDE, SIDE);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, picture, caption);
        clear();
    }

    void clear() {
        title.setText("Hover over a tile to enlarge it; click to pin it here.");
        caption.setText("");
        picture.getChildren().clear();
        picture.setVisible(false);
    }

    /** A feature map: {@code values[offset ..]} of w x h on the layer's scale [low, high]. */
    void showMap(String heading, int channel, int channels, float[] values, int offset, int w, int h, float low, float high,
            boolean pinned) {
        title.setText(heading + " · channel " + channel + " of " + channels + (pinned ? " (pinned)" : ""));
        if (values == null) {
            caption.setText("Draw a digit to see this channel respond.");
            show(Tiles.view(w, h, SIDE / Math.max(w, h)), null, 0, 0, 0);
            return;
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = offset; i < offset + w * h; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        caption.setText("values " + Layer.valueText(min) + " to " + Layer.valueText(max) + " (layer scale "
                + Layer.valueText(low) + " to " + Layer.valueText(high) + ")");
        show(Tiles.view(w, h, SIDE / Math.max(w, h)), values, offset, low, high);
    }

    /** A filter, on the bank's symmetric scale. */
    void showFilter(String heading, int channel, int count, float[] weights, int w, int h, float magnitude, boolean pinned) {
        title.setText(heading + " · filter " + channel + " of " + count + (pinned ? " (pinned)" : ""));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : weights) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        caption.setText("weights " + Layer.valueText(min) + " to " + Layer.valueText(max));
        show(Tiles.view(w, h, SIDE / Math.max(w, h)), weights, 0, -magnitude, magnitude);
    }

    private void show(ImageView view, float[] values, int offset, float low, float high) {
        Tiles.gray(view, values, offset, low, high);
        picture.getChildren().setAll(view);
        picture.setVisible(true);
    }

    String titleText() {
        return title.getText();
    }
}
