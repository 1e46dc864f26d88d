package app.digitpad.ml.data;

/**
 * The standardization every network sees: MNIST's training-set mean and standard deviation of
 * pixel values in [0, 1]. Stored in each model's metadata so inference matches training.
 */
public final class MnistNormalizer {
    public static final float MEAN = 0.1307f;
    public static final float STD = 0.3081f;

    private MnistNormalizer() {}

    /** Standardizes {@code values} (pixels in [0, 1]) in place. */
    public static void normalizeInPlace(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = (values[i] - MEAN) / STD;
        }
    }

    public static float[] normalized(float[] pixels01) {
        float[] copy = pixels01.clone();
        normalizeInPlace(copy, 0, copy.length);
        return copy;
    }
}
