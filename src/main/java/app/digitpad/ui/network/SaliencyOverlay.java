package app.digitpad.ui.network;

import app.digitpad.ml.data.MnistData;

/**
 * A saliency map over the model's-eye preview: the 28x28 input in grey (white ink on black, as on
 * the Draw screen), each pixel tinted with the diverging scale by its value.
 */
public final class SaliencyOverlay extends DivergingColours {
    private static final int SIDE = MnistData.SIDE;
    private float[] image;
    private float[] map;
    private float scale;

    public SaliencyOverlay(double side) {
        super(SIDE, SIDE, side, side);
        getStyleClass().add("saliency");
        repaint();
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
    void paint(int[] argb, int width, int height) {
        for (int i = 0; i < argb.length; i++) {
            float ground = image == null ? 0 : Math.max(0, Math.min(1, image[i]));
            argb[i] = argb(map == null ? 0 : map[i], scale, ground);
        }
    }
}
