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
 * A dense layer's activations: one thin vertical bar per unit, all on one scale from 0 to the
 * layer's largest value (or from its smallest, if it has negative values). Bar colour from CSS:
 * {@code -dp-unit-color}, and {@code -dp-unit-negative-color} below 0.
 */
final class UnitBars extends Region {
    static final double TARGET_WIDTH = 512;
    private static final StyleablePropertyFactory<UnitBars> FACTORY = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> unitColor = FACTORY.createStyleableColorProperty(this, "unitColor", "-dp-unit-color",
            s -> s.unitColor, Color.STEELBLUE);
    private final StyleableProperty<Color> negativeColor = FACTORY.createStyleableColorProperty(this, "negativeColor",
            "-dp-unit-negative-color", s -> s.negativeColor, Color.GRAY);
    private final Canvas canvas;
    private final int units;
    private final double barWidth;
    private float[] values;
    private int offset;
    private float low;
    private float high;

    UnitBars(int units, double height) {
        this.units = units;
        this.barWidth = Math.max(2, Math.min(8, Math.floor(TARGET_WIDTH / units)));
        canvas = new Canvas(units * barWidth, height);
        getChildren().add(canvas);
        getStyleClass().add("unit-bars");
        double w = units * barWidth;
        setMinSize(w, height);
        setPrefSize(w, height);
        setMaxSize(w, height);
        ((javafx.beans.value.ObservableValue<?>) unitColor).addListener(o -> repaint());
        ((javafx.beans.value.ObservableValue<?>) negativeColor).addListener(o -> repaint());
    }

    /** Shows {@code values[offset .. offset + units)} on the scale [low, high] (low <= 0 <= high). */
    void show(float[] values, int offset, float low, float high) {
        this.values = values;
        this.offset = offset;
        this.low = Math.min(0, low);
        this.high = Math.max(0, high);
        repaint();
    }

    /** Unit under x (in this node's coordinates), or -1. */
    int unitAt(double x) {
        int unit = (int) (x / barWidth);
        return unit >= 0 && unit < units ? unit : -1;
    }

    float value(int unit) {
        return values == null ? 0 : values[offset + unit];
    }

    private void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double h = canvas.getHeight();
        g.clearRect(0, 0, canvas.getWidth(), h);
        if (values == null || high - low <= 0) {
            return;
        }
        double zero = h * high / (high - low);
        double gap = barWidth >= 4 ? 1 : 0;
        for (int u = 0; u < units; u++) {
            float v = values[offset + u];
            double length = Math.abs(v) / (high - low) * h;
            g.setFill(v >= 0 ? unitColor.getValue() : negativeColor.getValue());
            g.fillRect(u * barWidth, v >= 0 ? zero - length : zero, barWidth - gap, length);
        }
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
