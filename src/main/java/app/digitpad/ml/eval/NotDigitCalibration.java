package app.digitpad.ml.eval;

import app.digitpad.ml.data.MnistData;

/**
 * Chooses where an eleven-output model starts saying "not a digit": the lowest threshold, from
 * 0.5 up in steps of 0.05, at which at most {@link #MAX_DIGITS_FLAGGED} of real digits it was
 * trained on (plain MNIST training images, no distortions) get that answer; 0.95 if none is that
 * low. Training digits, not test or validation ones, so the figures measured on those stay honest.
 * Some digits look like letters (a 4 like a y, a 0 like a U): the threshold trades those against
 * letters read as digits, and a user's digit should rarely be called "not a digit".
 */
public final class NotDigitCalibration {
    /** Share of training digits the chosen threshold may flag. */
    public static final double MAX_DIGITS_FLAGGED = 0.005;
    static final float LOWEST = 0.5f;
    static final float HIGHEST = 0.95f;

    private NotDigitCalibration() {}

    public static NotDigitRule of(BatchClassifier classifier, MnistData digits) throws Exception {
        return of(classifier, digits, () -> false);
    }

    /** @param cancelled checked between batches; throws {@link java.util.concurrent.CancellationException} when true */
    public static NotDigitRule of(BatchClassifier classifier, MnistData digits, java.util.function.BooleanSupplier cancelled)
            throws Exception {
        Evaluation evaluation = Evaluator.evaluate(classifier, digits, fraction -> {}, cancelled);
        for (int step = 0; ; step++) {
            float threshold = Math.min(HIGHEST, LOWEST + 0.05f * step);
            NotDigitRule rule = new NotDigitRule(NotDigitRule.DIGITS + 1, threshold);
            if (threshold >= HIGHEST || evaluation.flagged(rule) <= MAX_DIGITS_FLAGGED * digits.size()) {
                return rule;
            }
        }
    }
}
