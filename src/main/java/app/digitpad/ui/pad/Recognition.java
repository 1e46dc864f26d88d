package app.digitpad.ui.pad;

import app.digitpad.ml.eval.NotDigitRule;
import java.util.Optional;

/**
 * One recognition of the pad's drawing: the answer's probabilities (10 digits, then "not a digit"
 * if the model has that output), the 28x28 input it saw, the most probable digit, whether the
 * answer is "not a digit", and how long it took from the stroke event to the result being applied
 * on the UI thread, split into its stages so a benchmark can tell which one is slow. The answer
 * joins two readers; {@code picture} and {@code path} are what each said on its own ({@code path}
 * is null while no stroke reader has loaded, or when it failed), so the pad can show where the answer came from.
 */
public record Recognition(float[] probabilities, float[] preview, int digit, boolean notADigit, long latencyNanos,
        Stages stages, float[] picture, float[] path) {
    /** Nanoseconds spent waiting for the inference thread, normalizing, in the forward pass, and waiting for the UI thread. */
    public record Stages(long queuedNanos, long normalizeNanos, long forwardNanos, long deliveryNanos) {}

    public float confidence() {
        return probabilities[digit];
    }

    /** Whether the two readers' own answers differ, a digit or "not a digit" (false with one reader). */
    public boolean disagree() {
        return path != null && call(picture) != call(path);
    }

    /**
     * What each reader made of the drawing, as the pad shows it under the answer: that they agree,
     * or each one's answer and how sure it was. Empty when only the picture was read.
     */
    public Optional<String> readers() {
        if (path == null) {
            return Optional.empty();
        }
        int byPicture = call(picture);
        int byPath = call(path);
        if (byPicture == byPath) {
            return Optional.of(byPicture == NotDigitRule.NOT_A_DIGIT ? "Picture and pen path both say: not a digit"
                    : "Picture and pen path both read " + byPicture);
        }
        return Optional.of("Picture " + said(picture, byPicture, "read ") + ", pen path " + said(path, byPath, ""));
    }

    /**
     * A reader's own answer: {@link NotDigitRule#NOT_A_DIGIT} when it finds "not a digit" more likely
     * than not (the model's threshold applies to the joint answer only), else its most probable digit.
     */
    private static int call(float[] p) {
        return p.length > NotDigitRule.NOT_A_DIGIT && p[NotDigitRule.NOT_A_DIGIT] >= 0.5f ? NotDigitRule.NOT_A_DIGIT
                : NotDigitRule.digit(p);
    }

    private static String said(float[] p, int call, String verb) {
        return String.format(call == NotDigitRule.NOT_A_DIGIT ? "says not a digit (%2$.0f%%)" : verb + "%d (%.0f%%)", call,
                p[call] * 100);
    }

    /**
     * When the pen's path changed the answer from the picture network's own, saying so: the
     * Network view explains the picture network alone, which then answered something else.
     */
    public Optional<String> changedByPath() {
        if (path == null || notADigit || NotDigitRule.digit(picture) == digit) {
            return Optional.empty();
        }
        int byPicture = NotDigitRule.digit(picture);
        return Optional.of(String.format("The picture network alone reads %d (%.0f%%); the pen's path made it %d. "
                + "The maps explain the picture network.", byPicture, picture[byPicture] * 100, digit));
    }
}
