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
 * ({@code digitpad cross-validate}'s folds).
 *
 * <p>"Not a digit" is a yes-or-no question both readers answer, with an equal say: its log-odds are
 * the mean of the readers' ({@link #NOT_A_DIGIT_PATH_SHARE}). Whether a mark is a digit at all is
 * what the picture network knows best, from MNIST's 60,000 digits besides the pen digits the stroke
 * reader learns from: a writer whose 7s are three strokes was a digit to the picture and a symbol
 * to the reader. The weights sum to one, so the joint answer stays on the scale the model's threshold
 * was chosen on (MNIST has no pen paths: the picture decides alone there). A ten-output picture
 * network never says "not a digit", and a stroke reader saved before it learnt to leaves the question
 * to the picture.
 */
public final class JointReading {
    /** The exponent of the picture network's digit probabilities. */
    public static final double PICTURE_WEIGHT = 0.5;
    /** The exponent of the stroke reader's probabilities. */
    public static final double PATH_WEIGHT = 1.0;
    /** The stroke reader's share of the "not a digit" log-odds; the picture has the rest. */
    public static final double NOT_A_DIGIT_PATH_SHARE = 0.5;

    private static final double CLAMP = 1e-7;

    private JointReading() {}

    /**
     * @param picture the picture network's probabilities: 10 digits, or 11 with "not a digit"
     * @param path the stroke reader's probabilities: 10 digits, or 11 with "not a digit"
     * @return a row shaped like {@code picture}
     */
    public static float[] combine(float[] picture, float[] path) {
        if (!digitsOrEleven(path) || !digitsOrEleven(picture)) {
            throw new IllegalArgumentException("expected 10 or 11 probabilities from each reader, not "
                    + picture.length + " and " + path.length);
        }
        float[] out = picture.clone();
        double notADigit = 0;
        if (picture.length > NotDigitRule.DIGITS) {
            notADigit = picture[NotDigitRule.NOT_A_DIGIT];
            if (path.length > NotDigitRule.DIGITS) {
                double joint = logistic((1 - NOT_A_DIGIT_PATH_SHARE) * logit(picture[NotDigitRule.NOT_A_DIGIT])
                        + NOT_A_DIGIT_PATH_SHARE * logit(path[NotDigitRule.NOT_A_DIGIT]));
                notADigit = Double.isFinite(joint) ? joint : notADigit; // a broken reader row leaves the picture's call
            }
            out[NotDigitRule.NOT_A_DIGIT] = (float) notADigit;
        }
        double[] product = new double[NotDigitRule.DIGITS];
        for (int d = 0; d < NotDigitRule.DIGITS; d++) {
            product[d] = Math.pow(picture[d], PICTURE_WEIGHT) * Math.pow(path[d], PATH_WEIGHT);
        }
        // the readers rule out each other's every digit (or the reader's row is broken): the picture's digits
        // stand, and if it has none left, the reader's
        double[] shares = normalized(product);
        if (shares == null) {
            shares = normalized(digits(picture));
        }
        if (shares == null) {
            shares = normalized(digits(path));
        }
        for (int d = 0; d < NotDigitRule.DIGITS; d++) {
            double share = shares == null ? 1.0 / NotDigitRule.DIGITS : shares[d];
            out[d] = (float) (share * (1 - notADigit));
        }
        return out;
    }

    private static double[] digits(float[] row) {
        double[] out = new double[NotDigitRule.DIGITS];
        for (int d = 0; d < NotDigitRule.DIGITS; d++) {
            out[d] = row[d];
        }
        return out;
    }

    /** The values over their sum, or null when they have no positive, finite sum. */
    private static double[] normalized(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return null;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / sum;
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

    private static boolean digitsOrEleven(float[] row) {
        return row.length == NotDigitRule.DIGITS || row.length == NotDigitRule.DIGITS + 1;
    }

    private static double logit(float p) {
        double q = Math.min(Math.max(p, CLAMP), 1 - CLAMP);
        return Math.log(q / (1 - q));
    }

    private static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
