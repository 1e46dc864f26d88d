package app.digitpad.ui.network;

/** The diverging scale itself, from -scale (left) through 0 to +scale (right), over black like the maps' background. */
final class DivergingLegend extends DivergingColours {
    private static final int STEPS = 64;

    DivergingLegend(double width, double height) {
        super(STEPS, 1, width, height);
        getStyleClass().add("saliency-legend");
        repaint();
    }

    @Override
    void paint(int[] argb, int width, int height) {
        for (int i = 0; i < width; i++) {
            argb[i] = argb((float) ((i + 0.5) / width * 2 - 1), 1, 0);
        }
    }
}
