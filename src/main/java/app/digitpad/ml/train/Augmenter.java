package app.digitpad.ml.train;

import java.util.SplittableRandom;

/**
 * Random distortions of a 28x28 digit that mimic how drawn digits differ from MNIST: small rotation,
 * scale, shear and shift, an elastic warp, and thinner or thicker strokes. Plain Java on the
 * training thread: about 20 microseconds an image, well below a training step.
 */
public final class Augmenter {
    private static final int SIDE = 28;
    private static final int GRID = 4; // control points of the elastic displacement field

    private final float[] source = new float[SIDE * SIDE];
    private final float[] warped = new float[SIDE * SIDE];
    private final float[] dx = new float[(GRID + 1) * (GRID + 1)];
    private final float[] dy = new float[(GRID + 1) * (GRID + 1)];

    /** Distorts the image at {@code offset} of {@code images} in place. Not thread-safe. */
    public void augment(float[] images, int offset, SplittableRandom random) {
        System.arraycopy(images, offset, source, 0, source.length);
        double angle = Math.toRadians(uniform(random, -12, 12));
        double scale = uniform(random, 0.85, 1.12);
        double aspect = uniform(random, 0.9, 1.1);
        double shear = uniform(random, -0.15, 0.15);
        double tx = uniform(random, -2, 2);
        double ty = uniform(random, -2, 2);
        boolean elastic = random.nextDouble() < 0.5;
        float strength = elastic ? (float) uniform(random, 0.5, 1.6) : 0f;
        for (int i = 0; i < dx.length; i++) {
            dx[i] = elastic ? (float) (random.nextGaussian() * strength) : 0f;
            dy[i] = elastic ? (float) (random.nextGaussian() * strength) : 0f;
        }
        // Inverse map: for each output pixel find where it comes from in the source.
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double sx = scale * aspect;
        double sy = scale / aspect;
        double c = (SIDE - 1) / 2.0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double u = x - c - tx;
                double v = y - c - ty;
                double ru = cos * u + sin * v;
                double rv = -sin * u + cos * v;
                ru -= shear * rv;
                double srcX = ru / sx + c + displacement(dx, x, y);
                double srcY = rv / sy + c + displacement(dy, x, y);
                warped[y * SIDE + x] = bilinear(srcX, srcY);
            }
        }
        double thickness = random.nextDouble();
        if (thickness < 0.2) {
            morph(warped, images, offset, true, (float) uniform(random, 0.4, 1.0));
        } else if (thickness < 0.35) {
            morph(warped, images, offset, false, (float) uniform(random, 0.3, 0.7));
        } else {
            System.arraycopy(warped, 0, images, offset, warped.length);
        }
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private float displacement(float[] field, int x, int y) {
        float gx = x * GRID / (float) (SIDE - 1);
        float gy = y * GRID / (float) (SIDE - 1);
        int x0 = Math.min((int) gx, GRID - 1);
        int y0 = Math.min((int) gy, GRID - 1);
        float fx = gx - x0;
        float fy = gy - y0;
        int w = GRID + 1;
        float top = field[y0 * w + x0] * (1 - fx) + field[y0 * w + x0 + 1] * fx;
        float bottom = field[(y0 + 1) * w + x0] * (1 - fx) + field[(y0 + 1) * w + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private float bilinear(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        return at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy)
                + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
    }

    private float at(int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : source[y * SIDE + x];
    }

    /**
     * Grey-level dilation (thicker) or erosion (thinner) over a 3x3 cross, blended with the
     * original by {@code amount} so the change in stroke width is fractional.
     */
    private static void morph(float[] in, float[] out, int offset, boolean dilate, float amount) {
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = in[y * SIDE + x];
                float m = v;
                m = pick(m, x > 0 ? in[y * SIDE + x - 1] : 0f, dilate);
                m = pick(m, x < SIDE - 1 ? in[y * SIDE + x + 1] : 0f, dilate);
                m = pick(m, y > 0 ? in[(y - 1) * SIDE + x] : 0f, dilate);
                m = pick(m, y < SIDE - 1 ? in[(y + 1) * SIDE + x] : 0f, dilate);
                out[offset + y * SIDE + x] = v + (m - v) * amount;
            }
        }
    }

    private static float pick(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }
}
