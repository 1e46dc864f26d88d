package app.digitpad.preprocess;

/**
 * How strokes are drawn into the 28x28 input: the pen's width and the box the ink spans, in input
 * pixels, and an extra shift of the centre of mass. {@link #MNIST} is what recognition uses;
 * training draws pen digits with small variations of it, as MNIST's own digits vary.
 *
 * @param width pen width in input pixels
 * @param box the side of the square the ink's larger extent fills, soft edge included
 * @param shiftX added to the centre of mass's target x, in pixels
 * @param shiftY added to the centre of mass's target y, in pixels
 */
public record InkStyle(double width, double box, double shiftX, double shiftY) {
    /**
     * The pen that gives pen digits MNIST's stroke width. The width is read off an image as twice
     * its ink over the outline of its solid (> 0.5) part; over MNIST's 60,000 training digits the
     * median is 1.93 px (quartiles 1.63 and 2.30). Drawn with a 2.35 px pen, the training pen
     * digits get the same median (quartiles 1.87 and 2.01) and the same share of solid pixels
     * among inked ones (47% against MNIST's 46%); the estimate reads a round pen thinner than it
     * is, as pixels along a diagonal count more outline. Checked with the InkTuning tool (tests).
     */
    public static final double STROKE_WIDTH = 2.35;

    public static final InkStyle MNIST = new InkStyle(STROKE_WIDTH, MnistPreprocessor.BOX, 0, 0);

    public InkStyle {
        if (!(width > 0 && width < 8) || !(box > width && box <= MnistPreprocessor.SIDE)) {
            throw new IllegalArgumentException("pen width " + width + " and box " + box + " do not fit a 28x28 input");
        }
    }
}
