package app.digitpad.ui.network;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A grid of small pictures, all cut from one mosaic image (see {@link Tiles#newMosaic}), enlarged with sharp pixel edges and
 * wrapped to the available width. One canvas rather than a node per tile: an update is a single
 * texture, and ImageView's smooth=false was not honoured on every pipeline (blurred tiles under
 * Mesa). Hover and click report the tile index; the pinned tile is outlined. Outline colours from CSS:
 * {@code -dp-pinned-color}, {@code -dp-hover-color}.
 */
final class TileCanvas extends Region {
    private static final double GAP = 3;
    private static final StyleablePropertyFactory<TileCanvas> FACTORY = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> pinnedColor = FACTORY.createStyleableColorProperty(this, "pinnedColor",
            "-dp-pinned-color", s -> s.pinnedColor, Color.DODGERBLUE);
    private final StyleableProperty<Color> hoverColor = FACTORY.createStyleableColorProperty(this, "hoverColor",
            "-dp-hover-color", s -> s.hoverColor, Color.GRAY);
    private final Canvas canvas = new Canvas();
    private final int count;
    private final int tileWidth;
    private final int tileHeight;
    private final double side;
    private final double sideHigh;
    private Image image;
    private int pinned = -1;
    private int hovered = -1;

    /**
     * @param scale screen pixels per picture pixel
     * @param hover called with the tile under the pointer, -1 when it leaves
     * @param click called with the clicked tile
     */
    TileCanvas(int count, int tileWidth, int tileHeight, double scale, IntConsumer hover, IntConsumer click) {
        this.count = count;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        this.side = tileWidth * scale;
        this.sideHigh = tileHeight * scale;
        getStyleClass().add("tile-canvas");
        getChildren().add(canvas);
        canvas.getGraphicsContext2D().setImageSmoothing(false);
        setOnMouseMoved(e -> {
            int tile = tileAt(e.getX(), e.getY());
            if (tile != hovered) {
                hovered = tile;
                hover.accept(tile);
                redraw();
            }
        });
        setOnMouseExited(e -> {
            hovered = -1;
            hover.accept(-1);
            redraw();
        });
        setOnMouseClicked(e -> {
            int tile = tileAt(e.getX(), e.getY());
            if (tile >= 0) {
                click.accept(tile);
            }
        });
        ((javafx.beans.value.ObservableValue<?>) pinnedColor).addListener(o -> redraw());
        ((javafx.beans.value.ObservableValue<?>) hoverColor).addListener(o -> redraw());
    }

    void setImage(Image value) {
        image = value;
        redraw();
    }

    void setPinned(int tile) {
        pinned = tile;
        redraw();
    }

    int count() {
        return count;
    }

    /** Where tile {@code i}'s centre is, in this node's coordinates (for tests driving the pointer). */
    Point2D centre(int i) {
        int columns = columns(getWidth());
        return new Point2D(i % columns * (side + GAP) + side / 2, i / columns * (sideHigh + GAP) + sideHigh / 2);
    }

    int tileAt(double x, double y) {
        int columns = columns(getWidth());
        int column = (int) (x / (side + GAP));
        int row = (int) (y / (sideHigh + GAP));
        boolean inTile = x - column * (side + GAP) < side && y - row * (sideHigh + GAP) < sideHigh;
        int tile = row * columns + column;
        return inTile && column < columns && tile < count && x >= 0 && y >= 0 ? tile : -1;
    }

    private int columns(double width) {
        return Math.max(1, Math.min(count, (int) ((width + GAP) / (side + GAP))));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return count * (side + GAP) - GAP;
    }

    @Override
    protected double computeMinWidth(double height) {
        return side;
    }

    @Override
    protected double computePrefHeight(double width) {
        int columns = columns(width < 0 ? computePrefWidth(-1) : width);
        int rows = (count + columns - 1) / columns;
        return rows * (sideHigh + GAP) - GAP;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.ceil(getWidth()));
        canvas.setHeight(Math.ceil(getHeight()));
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image == null) {
            return;
        }
        int columns = columns(getWidth());
        for (int i = 0; i < count; i++) {
            double x = i % columns * (side + GAP);
            double y = i / columns * (sideHigh + GAP);
            g.drawImage(image, Tiles.left(i, tileWidth), Tiles.top(i, tileHeight), tileWidth, tileHeight, x, y, side, sideHigh);
        }
        outline(g, hovered, hoverColor.getValue(), columns, 1);
        outline(g, pinned, pinnedColor.getValue(), columns, 2);
    }

    private void outline(GraphicsContext g, int tile, Color colour, int columns, double width) {
        if (tile < 0 || tile >= count) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(width);
        double x = tile % columns * (side + GAP);
        double y = tile / columns * (sideHigh + GAP);
        g.strokeRect(x + width / 2, y + width / 2, side - width, sideHigh - width);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
