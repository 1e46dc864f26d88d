package app.digitpad.ui.network;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A canvas painted with a diverging colour scale whose two ends come from CSS:
 * {@code -dp-for-color} (positive values: evidence for a class) and {@code -dp-against-color}
 * (negative values), zero being transparent. Subclasses paint; this repaints when the size or a
 * colour changes.
 */
abstract class DivergingCanvas extends Region {
    private static final StyleablePropertyFactory<DivergingCanvas> FACTORY =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> forColor = FACTORY.createStyleableColorProperty(this, "forColor", "-dp-for-color",
            s -> s.forColor, Color.rgb(214, 69, 43));
    private final StyleableProperty<Color> againstColor = FACTORY.createStyleableColorProperty(this, "againstColor",
            "-dp-against-color", s -> s.againstColor, Color.rgb(38, 110, 214));
    protected final Canvas canvas = new Canvas();

    DivergingCanvas() {
        getChildren().add(canvas);
        widthProperty().addListener(o -> resizeCanvas());
        heightProperty().addListener(o -> resizeCanvas());
        ((javafx.beans.value.ObservableValue<?>) forColor).addListener(o -> repaint());
        ((javafx.beans.value.ObservableValue<?>) againstColor).addListener(o -> repaint());
    }

    private void resizeCanvas() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        repaint();
    }

    final void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        paint(g, canvas.getWidth(), canvas.getHeight());
    }

    abstract void paint(GraphicsContext g, double width, double height);

    /** The colour of {@code value} on a scale of +-{@code scale}: transparent at 0, the full colour from |value| = scale on. */
    final Color colour(float value, float scale) {
        if (scale <= 0 || value == 0) {
            return Color.TRANSPARENT;
        }
        double t = Math.min(1, Math.abs(value) / scale);
        Color base = value > 0 ? forColor.getValue() : againstColor.getValue();
        return base.deriveColor(0, 1, 1, t);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
