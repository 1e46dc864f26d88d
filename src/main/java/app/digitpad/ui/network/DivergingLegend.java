package app.digitpad.ui.network;

/** The diverging scale itself, from -scale (left) through 0 to +scale (right), over black like the maps' background. */
final class DivergingLegend extends DivergingColours {
    private static final int STEPS = 64;
    /** More than one row: a one-pixel-high texture, enlarged, showed stray pixels. */
    private static final int ROWS = 4;

    DivergingLegend(double width, double height) {
        super(STEPS, ROWS, width, height);
        getStyleClass().add("saliency-legend");
        repaint();
    }

    @Override
    void paint(int[] argb, int width, int height) {
        for (int i = 0; i < width; i++) {
            int colour = argb((float) ((i + 0.5) / width * 2 - 1), 1, 0);
            for (int row = 0; row < height; row++) {
                argb[row * width + i] = colour;
            }
        }
    }
}
