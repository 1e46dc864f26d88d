package app.digitpad.ml.eval;

/**
 * One answer from two readers of the same drawing: the picture network and the stroke reader
 * (which reads the pen's path). Each digit's probability is the picture's to the power
 * {@link #PICTURE_WEIGHT} times the stroke reader's to the power {@link #PATH_WEIGHT}, renormalized:
 * a digit wins when both find it plausible, so a confident mistake of one reader is outvoted when
 * the other is sure of the right digit. The stroke reader has twice the picture's say because its
 * probabilities are softer than its record (it is trained with label smoothing and dropout). The
 * powers are kept small because two readers of one drawing are not independent witnesses: a plain
 * product of their probabilities was surer than it was right on writers neither reader had seen
 * ({@code digitpad cross-validate}'s folds). The picture network alone decides "not a
 * digit" (the stroke reader knows only digits): its eleventh output is kept as it is, and the digits
 * share the rest.
 */
public final class JointReading {
    /** The exponent of the picture network's digit probabilities. */
    public static final double PICTURE_WEIGHT = 0.5;
    /** The exponent of the stroke reader's probabilities. */
    public static final double PATH_WEIGHT = 1.0;

    private JointReading() {}

    /**
     * @param picture the picture network's probabilities: 10 digits, or 11 with "not a digit"
     * @param path the stroke reader's probabilities of the 10 digits
     * @return a row shaped like {@code picture}
     */
    public static float[] combine(float[] picture, float[] path) {
        if (path.length != NotDigitRule.DIGITS || picture.length < NotDigitRule.DIGITS) {
            throw new IllegalArgumentException("expected 10 digit probabilities from the stroke reader and 10 or 11 from the picture");
        }
        float[] out = picture.clone();
        double digits = 0;
        double[] product = new double[NotDigitRule.DIGITS];
        for (int d = 0; d < NotDigitRule.DIGITS; d++) {
            digits += picture[d];
            product[d] = Math.pow(picture[d], PICTURE_WEIGHT) * Math.pow(path[d], PATH_WEIGHT);
        }
        double sum = 0;
        for (double p : product) {
            sum += p;
        }
        if (!(sum > 0)) { // the readers rule out each other's every digit: the picture's answer stands
            return out;
        }
        for (int d = 0; d < NotDigitRule.DIGITS; d++) {
            out[d] = (float) (product[d] / sum * digits);
        }
        return out;
    }

    /** {@link #combine} row by row. */
    public static float[][] combine(float[][] picture, float[][] path) {
        if (picture.length != path.length) {
            throw new IllegalArgumentException(picture.length + " picture rows but " + path.length + " path rows");
        }
        float[][] out = new float[picture.length][];
        for (int i = 0; i < picture.length; i++) {
            out[i] = JointReading.combine(picture[i], path[i]);
        }
        return out;
    }
}
