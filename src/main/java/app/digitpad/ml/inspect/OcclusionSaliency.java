package app.digitpad.ml.inspect;

import ai.djl.ndarray.NDManager;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.NetworkPass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Occlusion sensitivity: erase a {@value #PATCH}x{@value #PATCH} patch of the drawing (set it to
 * the background, as if that ink had never been drawn), see how much the log-probability of a class
 * falls, and credit that fall to every pixel of the patch; a pixel's value is the mean over the
 * patches that cover it. Erasing a patch without ink changes nothing, so only inked patches are run.
 * It asks the network itself, by real forward passes, and so works the same for every architecture,
 * and "erasing this ink would lower the 7's log-probability by 1.2" is a statement a user can check.
 */
public final class OcclusionSaliency {
    /** Side of the erased square, about the width of a pen stroke in MNIST's 28x28. */
    public static final int PATCH = 3;
    /** Occluded images per forward pass: bounds memory and how long a cancellation waits. */
    static final int CHUNK = 64;
    private static final int SIDE = MnistData.SIDE;
    private static final int POSITIONS = SIDE - PATCH + 1;

    private OcclusionSaliency() {}

    /** Maps for {@code classes} of {@code image} (784 pixels in [0, 1], ink = 1). */
    public static SaliencyMaps compute(NetworkPass pass, float[] image, int[] classes) {
        return compute(pass, image, classes, () -> {});
    }

    /**
     * @param beforeChunk runs before each forward pass: it may wait (to give way to live recognition)
     *     or throw {@link CancellationException} to stop
     */
    public static SaliencyMaps compute(NetworkPass pass, float[] image, int[] classes, Runnable beforeChunk) {
        List<int[]> patches = inkedPatches(image);
        // the image itself first, then its occluded copies
        int total = patches.size() + 1;
        float[] logP = null;
        float[][] sums = new float[classes.length][SIDE * SIDE];
        for (int from = 0; from < total; from += CHUNK) {
            beforeChunk.run();
            int count = Math.min(CHUNK, total - from);
            float[] batch = new float[count * MnistData.PIXELS];
            for (int i = 0; i < count; i++) {
                System.arraycopy(image, 0, batch, i * MnistData.PIXELS, MnistData.PIXELS);
                int item = from + i;
                if (item > 0) {
                    erase(batch, i * MnistData.PIXELS, patches.get(item - 1));
                }
            }
            float[] out;
            int classCount;
            try (NDManager chunk = pass.manager().newSubManager()) {
                var logits = pass.forwardAll(pass.input(batch, count, chunk));
                classCount = Math.toIntExact(logits.getShape().get(1));
                out = logits.logSoftmax(1).toFloatArray();
            }
            if (logP == null) {
                logP = java.util.Arrays.copyOf(out, classCount);
            }
            for (int i = 0; i < count; i++) {
                int item = from + i;
                if (item == 0) {
                    continue;
                }
                int[] patch = patches.get(item - 1);
                for (int k = 0; k < classes.length; k++) {
                    float drop = logP[classes[k]] - out[i * classCount + classes[k]];
                    for (int y = patch[0]; y < patch[0] + PATCH; y++) {
                        for (int x = patch[1]; x < patch[1] + PATCH; x++) {
                            sums[k][y * SIDE + x] += drop;
                        }
                    }
                }
            }
        }
        for (float[] map : sums) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    map[y * SIDE + x] /= covering(y) * covering(x);
                }
            }
        }
        return new SaliencyMaps(classes.clone(), sums, logP);
    }

    /** Top-left corners of the patches that hold some ink. */
    static List<int[]> inkedPatches(float[] image) {
        List<int[]> patches = new ArrayList<>();
        for (int y = 0; y < POSITIONS; y++) {
            for (int x = 0; x < POSITIONS; x++) {
                if (hasInk(image, y, x)) {
                    patches.add(new int[] {y, x});
                }
            }
        }
        return patches;
    }

    private static boolean hasInk(float[] image, int top, int left) {
        for (int y = top; y < top + PATCH; y++) {
            for (int x = left; x < left + PATCH; x++) {
                if (image[y * SIDE + x] > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void erase(float[] batch, int offset, int[] patch) {
        for (int y = patch[0]; y < patch[0] + PATCH; y++) {
            java.util.Arrays.fill(batch, offset + y * SIDE + patch[1], offset + y * SIDE + patch[1] + PATCH, 0f);
        }
    }

    /** How many patch positions along one axis cover coordinate {@code v}. */
    private static int covering(int v) {
        return Math.min(v, POSITIONS - 1) - Math.max(0, v - PATCH + 1) + 1;
    }
}
