package app.digitpad.ui.network;

import app.digitpad.ml.data.MnistData;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A saliency map over the model's-eye preview: the 28x28 input in grey (white ink on black, as on
 * the Draw screen), each pixel tinted with the diverging scale by its value.
 */
public final class SaliencyOverlay extends DivergingCanvas {
    private static final int SIDE = MnistData.SIDE;
    private float[] image;
    private float[] map;
    private float scale;

    public SaliencyOverlay(double side) {
        getStyleClass().add("saliency");
        setMinSize(side, side);
        setPrefSize(side, side);
        setMaxSize(side, side);
    }

    /** Shows {@code map} over {@code image} on a scale of +-{@code scale}; nulls show an empty square. */
    public void show(float[] image, float[] map, float scale) {
        this.image = image;
        this.map = map;
        this.scale = scale;
        repaint();
    }

    /** The map shown (for tests): null when none. */
    public float[] map() {
        return map;
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        double cell = width / SIDE;
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, width, height);
        if (image == null) {
            return;
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                double px = Math.floor(x * cell);
                double py = Math.floor(y * cell);
                double w = Math.floor((x + 1) * cell) - px;
                double h = Math.floor((y + 1) * cell) - py;
                if (image[i] > 0) {
                    g.setFill(Color.gray(Math.min(1, image[i])));
                    g.fillRect(px, py, w, h);
                }
                if (map != null && map[i] != 0) {
                    g.setFill(colour(map[i], scale));
                    g.fillRect(px, py, w, h);
                }
            }
        }
    }
}
