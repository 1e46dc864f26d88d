package app.digitpad.ui.network;

import app.digitpad.ml.inspect.Layer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The hovered or pinned tile, enlarged, with its channel number and values; a pinned feature map follows the drawing live. */
final class TileDetail extends VBox {
    static final double SIDE = 150;

    private final Label title = new Label();
    private final Label caption = new Label();
    private final Canvas picture = new Canvas(SIDE, SIDE);
    private final StackPane frame = new StackPane(picture);

    TileDetail() {
        super(4);
        setId("tile-detail");
        getStyleClass().add("tile-detail");
        title.setId("tile-detail-title");
        title.getStyleClass().add("detail-heading");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("detail-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        frame.getStyleClass().add("detail-picture");
        frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        picture.getGraphicsContext2D().setImageSmoothing(false);
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(title, frame, caption);
        clear();
    }

    void clear() {
        title.setText("Hover over a tile to enlarge it; click to pin it here.");
        caption.setText("");
        frame.setVisible(false);
    }

    /** Channel {@code channel} of a feature-map mosaic of w x h tiles; {@code values} null before any drawing. */
    void showMap(String heading, int channel, int channels, Image mosaic, float[] values, int w, int h, float low, float high,
            boolean pinned) {
        title.setText(heading + " · channel " + channel + " of " + channels + (pinned ? " (pinned)" : ""));
        if (values == null) {
            caption.setText("Draw a digit to see this channel respond.");
        } else {
            float[] range = range(values, channel * w * h, w * h);
            caption.setText("values " + Layer.valueText(range[0]) + " to " + Layer.valueText(range[1]) + " (layer scale "
                    + Layer.valueText(low) + " to " + Layer.valueText(high) + ")");
        }
        draw(mosaic, channel, w, h);
    }

    /** Filter {@code channel} of a filter mosaic. */
    void showFilter(String heading, int channel, int count, Image mosaic, float[] weights, int w, int h, boolean pinned) {
        title.setText(heading + " · filter " + channel + " of " + count + (pinned ? " (pinned)" : ""));
        float[] range = range(weights, 0, weights.length);
        caption.setText("weights " + Layer.valueText(range[0]) + " to " + Layer.valueText(range[1]));
        draw(mosaic, channel, w, h);
    }

    private void draw(Image mosaic, int channel, int w, int h) {
        GraphicsContext g = picture.getGraphicsContext2D();
        g.clearRect(0, 0, SIDE, SIDE);
        double scale = SIDE / Math.max(w, h);
        g.drawImage(mosaic, Tiles.left(channel, w), Tiles.top(channel, h), w, h, 0, 0, w * scale, h * scale);
        frame.setVisible(true);
    }

    private static float[] range(float[] values, int from, int length) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int i = from; i < from + length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new float[] {min, max};
    }
}
