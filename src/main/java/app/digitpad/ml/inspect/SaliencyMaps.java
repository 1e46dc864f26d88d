package app.digitpad.ml.inspect;

/**
 * "Why this answer": for each of some classes, one value per input pixel (784, row-major 28x28).
 * A positive value means the ink there speaks for the class (erasing it lowers the class's
 * log-probability), a negative one that it speaks against it. {@code logProbabilities} are the
 * unchanged image's, for every class.
 */
public record SaliencyMaps(int[] classes, float[][] maps, float[] logProbabilities) {
    /** The map of {@code cls}, which must be one of {@link #classes()}. */
    public float[] of(int cls) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == cls) {
                return maps[i];
            }
        }
        throw new IllegalArgumentException("no map for class " + cls);
    }

    /** Largest absolute value over all maps: one colour scale for all of them, so they compare. */
    public float maxMagnitude() {
        float max = 0;
        for (float[] map : maps) {
            for (float v : map) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }
}
