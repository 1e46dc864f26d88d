package app.digitpad.ui.network;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** The diverging scale itself, from -scale (left) through 0 to +scale (right), over a dark ground like the maps'. */
final class DivergingLegend extends DivergingCanvas {
    private float scale = 1;

    DivergingLegend(double width, double height) {
        getStyleClass().add("saliency-legend");
        setMinSize(width, height);
        setPrefSize(width, height);
        setMaxSize(width, height);
    }

    void setScale(float value) {
        scale = value;
        repaint();
    }

    @Override
    void paint(GraphicsContext g, double width, double height) {
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, width, height);
        int steps = (int) width;
        for (int i = 0; i < steps; i++) {
            float v = (float) ((i + 0.5) / steps * 2 - 1) * scale;
            g.setFill(colour(v, scale));
            g.fillRect(i, 0, 1, height);
        }
    }
}
