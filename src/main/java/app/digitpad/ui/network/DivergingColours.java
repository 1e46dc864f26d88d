package app.digitpad.ui.network;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A picture in a diverging colour scale whose two ends come from CSS: {@code -dp-for-color}
 * (positive values: evidence for a class) and {@code -dp-against-color} (negative values), laid over
 * a grey ground at an opacity that grows with the value's size. The picture is one small image drawn
 * enlarged with sharp pixel edges on a canvas (ImageView's smooth=false was not honoured on every
 * pipeline), so an update is one texture upload however many pixels change.
 */
abstract class DivergingColours extends Region {
    private static final StyleablePropertyFactory<DivergingColours> FACTORY =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final StyleableProperty<Color> forColor = FACTORY.createStyleableColorProperty(this, "forColor", "-dp-for-color",
            s -> s.forColor, Color.rgb(214, 69, 43));
    private final StyleableProperty<Color> againstColor = FACTORY.createStyleableColorProperty(this, "againstColor",
            "-dp-against-color", s -> s.againstColor, Color.rgb(38, 110, 214));
    private final WritableImage image;
    private final Canvas canvas;

    DivergingColours(int pixelsWide, int pixelsHigh, double width, double height) {
        image = new WritableImage(pixelsWide, pixelsHigh);
        canvas = new Canvas(width, height);
        canvas.getGraphicsContext2D().setImageSmoothing(false);
        getChildren().add(canvas);
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
        ((javafx.beans.value.ObservableValue<?>) forColor).addListener(o -> repaint());
        ((javafx.beans.value.ObservableValue<?>) againstColor).addListener(o -> repaint());
    }

    /** Fills the picture, one ARGB value per pixel, row by row. */
    abstract void paint(int[] argb, int width, int height);

    final void repaint() {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        paint(argb, w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                java.nio.IntBuffer.wrap(argb), w);
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.drawImage(image, 0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /**
     * The colour of {@code value} on a scale of +-{@code scale} over a grey of {@code ground} (0
     * black, 1 white): the ground at 0, the full end colour from |value| = scale on.
     */
    final int argb(float value, float scale, float ground) {
        double t = scale <= 0 ? 0 : Math.min(1, Math.abs(value) / scale);
        Color end = value >= 0 ? forColor.getValue() : againstColor.getValue();
        int r = mix(ground, end.getRed(), t);
        int g = mix(ground, end.getGreen(), t);
        int b = mix(ground, end.getBlue(), t);
        return 0xff000000 | r << 16 | g << 8 | b;
    }

    private static int mix(double ground, double end, double t) {
        return (int) Math.round((ground * (1 - t) + end * t) * 255);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return FACTORY.getCssMetaData();
    }
}
