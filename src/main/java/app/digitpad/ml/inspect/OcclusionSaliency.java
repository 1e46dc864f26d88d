package app.digitpad.ml.inspect;

import ai.djl.ndarray.NDManager;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.NetworkPass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Occlusion sensitivity: erase a {@value #PATCH}x{@value #PATCH} patch of the drawing (set it to
 * the background, as if that ink had never been drawn), run the network on what is left, and do that
 * for every patch position that holds ink (erasing empty background changes nothing). The
 * {@link SaliencyMaps} then say, for any class, how much each pixel's ink raised its score. It asks
 * the network itself, by real forward passes, so it works the same for every architecture, and
 * "erasing this ink lowers the 7's log-odds by 2.3" is a statement a user can check by erasing.
 */
public final class OcclusionSaliency {
    /** Side of the erased square, about the width of a pen stroke in MNIST's 28x28. */
    public static final int PATCH = 3;
    /** Occluded images per forward pass: bounds memory and how long a cancellation waits. */
    static final int CHUNK = 32;
    private static final int SIDE = MnistData.SIDE;
    private static final int POSITIONS = SIDE - PATCH + 1;

    private OcclusionSaliency() {}

    /** Occlusion results for {@code image} (784 pixels in [0, 1], ink = 1). */
    public static SaliencyMaps compute(NetworkPass pass, float[] image) {
        return compute(pass, image, () -> {});
    }

    /**
     * @param beforeChunk runs before each forward pass: it may wait (to give way to live recognition)
     *     or throw {@link CancellationException} to stop
     */
    public static SaliencyMaps compute(NetworkPass pass, float[] image, Runnable beforeChunk) {
        List<int[]> patches = inkedPatches(image);
        int total = patches.size() + 1; // the image itself first, then its occluded copies
        float[] base = null;
        float[][] occluded = new float[patches.size()][];
        for (int from = 0; from < total; from += CHUNK) {
            beforeChunk.run();
            int count = Math.min(CHUNK, total - from);
            float[] batch = new float[count * MnistData.PIXELS];
            for (int i = 0; i < count; i++) {
                System.arraycopy(image, 0, batch, i * MnistData.PIXELS, MnistData.PIXELS);
                if (from + i > 0) {
                    erase(batch, i * MnistData.PIXELS, patches.get(from + i - 1));
                }
            }
            float[] out;
            int classes;
            try (NDManager chunk = pass.manager().newSubManager()) {
                var logits = pass.forwardAll(pass.input(batch, count, chunk));
                classes = Math.toIntExact(logits.getShape().get(1));
                out = logits.logSoftmax(1).toFloatArray();
            }
            for (int i = 0; i < count; i++) {
                float[] row = java.util.Arrays.copyOfRange(out, i * classes, (i + 1) * classes);
                if (from + i == 0) {
                    base = row;
                } else {
                    occluded[from + i - 1] = row;
                }
            }
        }
        return new SaliencyMaps(PATCH, patches, occluded, base);
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
}
