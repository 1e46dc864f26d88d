package app.digitpad.ml.eval;

/**
 * When a model's answer is "not a digit": its eleventh output, "not a digit", has at least
 * {@code threshold} of the probability. A ten-output model never says so. The rule travels in the
 * model file, so the pad, the command line and the self-test decide alike.
 */
public record NotDigitRule(int classes, float threshold) {
    public static final int DIGITS = 10;
    /** Index of the "not a digit" output in an eleven-output model. */
    public static final int NOT_A_DIGIT = 10;
    /** The rule of a ten-output model. */
    public static final NotDigitRule NONE = new NotDigitRule(DIGITS, 1f);

    public NotDigitRule {
        if (classes != DIGITS && classes != DIGITS + 1) {
            throw new IllegalArgumentException("a digit model has 10 or 11 outputs, not " + classes);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the not-a-digit threshold must be within (0, 1], not " + threshold);
        }
    }

    public boolean canReject() {
        return classes > DIGITS;
    }

    /** @param probabilities one row of the model's output probabilities */
    public boolean flags(float[] probabilities) {
        return canReject() && probabilities[NOT_A_DIGIT] >= threshold;
    }

    /** The answer the app gives for a row: {@link #NOT_A_DIGIT} if this rule flags it, else its most probable digit. */
    public int answer(float[] probabilities) {
        return flags(probabilities) ? NOT_A_DIGIT : digit(probabilities);
    }

    /** The most probable digit of a row, whatever the eleventh output says. */
    public static int digit(float[] probabilities) {
        int best = 0;
        for (int i = 1; i < DIGITS; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
