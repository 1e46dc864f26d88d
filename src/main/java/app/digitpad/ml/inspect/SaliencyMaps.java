package app.digitpad.ml.inspect;

import app.digitpad.ml.data.MnistData;
import java.util.List;

/**
 * Occlusion results for one image, from which maps for any class or pair of classes are read.
 * Each map has one value per input pixel (784, row-major 28x28): the mean, over the erased patches
 * covering the pixel, of how much erasing the patch lowered a score. A positive value means the ink
 * there speaks for the class (or for the first class rather than the second).
 *
 * <p>{@link #evidence} scores a class by its log-odds, log p - log(1 - p) (the "weight of evidence"
 * of Zintgraf et al., 2017): unlike the log-probability it does not flatten out when the network is
 * sure, where log p stays near 0 whatever is erased. {@link #contrast} scores log p(a) - log p(b).
 */
public final class SaliencyMaps {
    private static final int SIDE = MnistData.SIDE;

    private final int patch;
    private final List<int[]> patches;
    private final float[][] occluded;
    private final float[] logProbabilities;

    /**
     * @param patches top-left corners of the erased patches
     * @param occluded each patch's log-probabilities of every class after erasing it
     * @param logProbabilities the unchanged image's
     */
    SaliencyMaps(int patch, List<int[]> patches, float[][] occluded, float[] logProbabilities) {
        this.patch = patch;
        this.patches = List.copyOf(patches);
        this.occluded = occluded;
        this.logProbabilities = logProbabilities.clone();
    }

    /** The unchanged image's log-probabilities, for every class. */
    public float[] logProbabilities() {
        return logProbabilities.clone();
    }

    public int classes() {
        return logProbabilities.length;
    }

    /** How much each pixel's ink raises the log-odds of {@code cls}. */
    public float[] evidence(int cls) {
        double base = logOdds(logProbabilities, cls);
        double[] drops = new double[patches.size()];
        for (int i = 0; i < drops.length; i++) {
            drops[i] = base - logOdds(occluded[i], cls);
        }
        return spread(drops);
    }

    /** How much each pixel's ink raises log p(a) - log p(b): why a and not b. */
    public float[] contrast(int a, int b) {
        double base = logProbabilities[a] - logProbabilities[b];
        double[] drops = new double[patches.size()];
        for (int i = 0; i < drops.length; i++) {
            drops[i] = base - (occluded[i][a] - occluded[i][b]);
        }
        return spread(drops);
    }

    /** Credits each patch's drop to its pixels, averaged over the patch positions covering each pixel. */
    private float[] spread(double[] drops) {
        double[] sums = new double[SIDE * SIDE];
        for (int i = 0; i < drops.length; i++) {
            int[] corner = patches.get(i);
            for (int y = corner[0]; y < corner[0] + patch; y++) {
                for (int x = corner[1]; x < corner[1] + patch; x++) {
                    sums[y * SIDE + x] += drops[i];
                }
            }
        }
        float[] map = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                map[y * SIDE + x] = (float) (sums[y * SIDE + x] / (covering(y) * covering(x)));
            }
        }
        return map;
    }

    /** How many patch positions along one axis cover coordinate {@code v} (patches without ink count, with a drop of 0). */
    private int covering(int v) {
        int positions = SIDE - patch + 1;
        return Math.min(v, positions - 1) - Math.max(0, v - patch + 1) + 1;
    }

    /** log p - log(1 - p), with 1 - p summed from the other classes so it stays exact when p is near 1. */
    static double logOdds(float[] logP, int cls) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logP.length; k++) {
            if (k != cls) {
                max = Math.max(max, logP[k]);
            }
        }
        double sum = 0;
        for (int k = 0; k < logP.length; k++) {
            if (k != cls) {
                sum += Math.exp(logP[k] - max);
            }
        }
        return logP[cls] - (max + Math.log(sum));
    }

    /** Largest absolute value of the given maps: one colour scale for all of them, so they compare. */
    public static float maxMagnitude(float[]... maps) {
        float max = 0;
        for (float[] map : maps) {
            for (float v : map) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
