package app.digitpad.preprocess;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns a drawing into a 28x28 input the way MNIST was made: crop to the ink, scale the longer side
 * to 20 px keeping the aspect ratio with area averaging (antialiasing), then paste into 28x28 so
 * the centre of mass of the ink sits at the centre (14, 14), pixel centres counted at index + 0.5.
 * Output: 784 values, row-major, in [0, 1], ink = 1, the same range the networks are trained on.
 * Nothing to recognize (no strokes, or no pixel above {@link #INK_THRESHOLD}) is a
 * {@link NoInkException}, never a blank input. Pure functions, no state, safe from any thread.
 */
public final class MnistPreprocessor {
    public static final int SIDE = 28;
    public static final int BOX = 20;
    /** The pad's side in pad units: strokes are recognized at this resolution, whatever the size on screen. */
    public static final int PAD_SIZE = 280;
    /** Where MNIST's digits have their centre of mass, pixel centres counted at index + 0.5. */
    static final double MNIST_CENTRE = 14.5;
    /** Grey levels at or below this are background when finding the ink's bounding box. */
    static final float INK_THRESHOLD = 0.02f;

    private MnistPreprocessor() {}

    /**
     * What the live pad calls. Strokes are data, so the input does not depend on how big or where
     * they were drawn: the points are scaled (keeping the aspect ratio) so that the ink spans
     * {@link #BOX} pixels, drawn there with a pen of {@link InkStyle#STROKE_WIDTH} pixels, and
     * centred by the ink's centre of mass as MNIST was.
     *
     * @throws NoInkException when there are no strokes
     */
    public static float[] fromStrokes(List<Stroke> strokes) {
        return fromStrokes(strokes, InkStyle.MNIST);
    }

    /**
     * As {@link #fromStrokes(List)} with another pen width, box or centring (training varies these
     * a little, as MNIST's own digits vary).
     */
    public static float[] fromStrokes(List<Stroke> strokes, InkStyle style) {
        if (strokes.isEmpty()) {
            throw new NoInkException("the drawing is empty");
        }
        Bounds bounds = Bounds.of(strokes);
        double extent = bounds.extent();
        // the pen's width and the soft edge are part of the ink's extent: the points span what is
        // left, so the inked pixels span the box as MNIST's do (95% of pen digits exactly 20 px)
        double span = Math.max(0, style.box() - style.width() - 0.9);
        double scale = extent > 0 ? span / extent : 0;
        double midX = bounds.midX();
        double midY = bounds.midY();
        List<Stroke> framed = new java.util.ArrayList<>(strokes.size());
        for (Stroke stroke : strokes) {
            List<Point> points = new java.util.ArrayList<>(stroke.points().size());
            for (Point p : stroke.points()) {
                points.add(new Point((p.x() - midX) * scale + SIDE / 2.0, (p.y() - midY) * scale + SIDE / 2.0));
            }
            framed.add(new Stroke(points));
        }
        List<double[]> lines = StrokeRasterizer.flatten(framed, StrokeRasterizer.TOLERANCE);
        float[] grid = new float[SIDE * SIDE];
        StrokeRasterizer.draw(lines, style.width(), 0, 0, grid, SIDE);
        double[] centre = centreOfMass(grid, SIDE, SIDE);
        if (centre == null) {
            throw new NoInkException("the drawing has no ink");
        }
        // MNIST put the centre of mass at pixel (14, 14) counting from 0: 14.5 with centres at i + 0.5
        double dx = MNIST_CENTRE + style.shiftX() - centre[0];
        double dy = MNIST_CENTRE + style.shiftY() - centre[1];
        java.util.Arrays.fill(grid, 0f);
        StrokeRasterizer.draw(lines, style.width(), dx, dy, grid, SIDE);
        stretchContrast(grid);
        return grid;
    }

    /** Centre of mass with pixel centres at index + 0.5, or null for an empty image. */
    static double[] centreOfMass(float[] image, int w, int h) {
        double mass = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = image[y * w + x];
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return mass > 0 ? new double[] {sx / mass, sy / mass} : null;
    }

    /** @throws NoInkException when the image has no pixel above the ink threshold */
    public static float[] normalize(GrayImage image) {
        int minX = image.width();
        int minY = image.height();
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) > INK_THRESHOLD) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw new NoInkException("the image has no ink");
        }
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        double scale = BOX / (double) Math.max(w, h);
        int outW = Math.max(1, (int) Math.round(w * scale));
        int outH = Math.max(1, (int) Math.round(h * scale));
        float[] boxed = resample(image, minX, minY, w, h, outW, outH);
        float[] centred = centreByMass(boxed, outW, outH);
        stretchContrast(centred);
        return centred;
    }

    /**
     * Area-averaging resize of the crop to outW x outH: every output pixel is the mean of the source
     * area it covers, with partial pixels weighted by their overlap. Done separably, rows then columns.
     */
    static float[] resample(GrayImage image, int x0, int y0, int w, int h, int outW, int outH) {
        float[] horizontal = new float[outW * h];
        for (int y = 0; y < h; y++) {
            final int row = y;
            for (int ox = 0; ox < outW; ox++) {
                horizontal[y * outW + ox] = average(ox, w / (double) outW, w, i -> image.at(x0 + i, y0 + row));
            }
        }
        float[] out = new float[outW * outH];
        for (int ox = 0; ox < outW; ox++) {
            final int column = ox;
            for (int oy = 0; oy < outH; oy++) {
                out[oy * outW + ox] = average(oy, h / (double) outH, h, i -> horizontal[i * outW + column]);
            }
        }
        return out;
    }

    private interface Sample {
        float at(int index);
    }

    /** Mean of source cells [o*f, (o+1)*f) with fractional overlap weights. */
    private static float average(int o, double f, int n, Sample source) {
        double from = o * f;
        double to = Math.min(n, (o + 1) * f);
        double sum = 0;
        for (int i = (int) Math.floor(from); i < Math.ceil(to) && i < n; i++) {
            double overlap = Math.min(to, i + 1) - Math.max(from, i);
            if (overlap > 0) {
                sum += overlap * source.at(i);
            }
        }
        return (float) (sum / (to - from));
    }

    /** Thin strokes lose intensity when scaled down; MNIST strokes peak at full ink, so ours do too. */
    private static void stretchContrast(float[] pixels) {
        float max = 0;
        for (float v : pixels) {
            max = Math.max(max, v);
        }
        if (max > 0 && max < 1) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] /= max;
            }
        }
    }

    /**
     * Pastes the boxed digit into 28x28 with its centre of mass (pixel centres at i + 0.5) exactly at
     * (14, 14). The shift is sub-pixel (bilinear), so the input changes smoothly as a drawing grows
     * instead of jumping a whole pixel, which keeps thin strokes and the live preview stable.
     */
    static float[] centreByMass(float[] boxed, int w, int h) {
        double mass = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = boxed[y * w + x];
                mass += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        double dx = MNIST_CENTRE - sx / mass;
        double dy = MNIST_CENTRE - sy / mass;
        int ix = (int) Math.floor(dx);
        int iy = (int) Math.floor(dy);
        float fx = (float) (dx - ix);
        float fy = (float) (dy - iy);
        float[] out = new float[SIDE * SIDE];
        // Each source pixel spreads over the 2x2 target pixels it overlaps after the shift.
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = boxed[y * w + x];
                if (v == 0) {
                    continue;
                }
                add(out, x + ix, y + iy, v * (1 - fx) * (1 - fy));
                add(out, x + ix + 1, y + iy, v * fx * (1 - fy));
                add(out, x + ix, y + iy + 1, v * (1 - fx) * fy);
                add(out, x + ix + 1, y + iy + 1, v * fx * fy);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, out[i]);
        }
        return out;
    }

    private static void add(float[] image, int x, int y, float value) {
        if (x >= 0 && y >= 0 && x < SIDE && y < SIDE) {
            image[y * SIDE + x] += value;
        }
    }

    /**
     * Reads a picture of a digit for {@link #normalize}: luminance, composited on white where
     * transparent, and inverted when the background (judged by the border) is light, so
     * dark-on-paper and MNIST-style light-on-black images both give ink = 1. Grey images keep their
     * stored grey levels.
     */
    public static GrayImage fromBufferedImage(BufferedImage picture) {
        return PictureInk.read(picture);
    }
}
