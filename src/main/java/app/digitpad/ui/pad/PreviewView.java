package app.digitpad.ui.pad;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The model's-eye view: the 28x28 input, each pixel drawn as a block, white ink on black like MNIST. */
public final class PreviewView extends Canvas {
    private static final int SIDE = 28;
    private float[] pixels;

    public PreviewView(double size) {
        super(size, size);
        setId("preview");
        getStyleClass().add("preview");
        show(null);
    }

    public void show(float[] image) {
        this.pixels = image;
        GraphicsContext g = getGraphicsContext2D();
        double cell = getWidth() / SIDE;
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (image == null) {
            return;
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = image[y * SIDE + x];
                if (v > 0) {
                    g.setFill(Color.gray(Math.min(1, v)));
                    g.fillRect(x * cell, y * cell, Math.ceil(cell), Math.ceil(cell));
                }
            }
        }
    }

    /** Sum of the shown pixel values (for tests: zero when nothing is shown). */
    public double ink() {
        double sum = 0;
        if (pixels != null) {
            for (float v : pixels) {
                sum += v;
            }
        }
        return sum;
    }
}
