package app.digitpad.ml.data;

import java.util.Arrays;

/**
 * MNIST images and labels held as plain bytes in the JVM heap (47 MB for the training set), so the
 * training loop can shuffle, augment and batch them without a JNI call per sample.
 */
public final class MnistData {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private final byte[] pixels;
    private final byte[] labels;
    private final String sha256;

    public MnistData(byte[] pixels, byte[] labels, String sha256) {
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + labels.length + " 28x28 images");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.sha256 = sha256;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Pixel of image {@code index} in [0, 1], ink = 1, as MNIST stores it. */
    public float pixel(int index, int pixel) {
        return (pixels[index * PIXELS + pixel] & 0xff) / 255f;
    }

    /** Copies image {@code index} into {@code target} at {@code offset} as values in [0, 1]. */
    public void copyImage(int index, float[] target, int offset) {
        int base = index * PIXELS;
        for (int p = 0; p < PIXELS; p++) {
            target[offset + p] = (pixels[base + p] & 0xff) / 255f;
        }
    }

    public float[] image(int index) {
        float[] image = new float[PIXELS];
        copyImage(index, image, 0);
        return image;
    }

    public int[] labelCounts() {
        int[] counts = new int[10];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as a new data set. */
    public MnistData slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice " + from + ".." + to + " outside 0.." + size());
        }
        return new MnistData(Arrays.copyOfRange(pixels, from * PIXELS, to * PIXELS),
                Arrays.copyOfRange(labels, from, to), sha256);
    }

    /** SHA-256 of the decompressed IDX files this came from (empty when unknown). */
    public String sha256() {
        return sha256;
    }
}
