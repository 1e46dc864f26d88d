package app.digitpad.ui.pad;

import app.digitpad.ml.eval.NotDigitRule;
import java.util.Optional;

/**
 * One recognition of the pad's drawing: the answer's probabilities (10 digits, then "not a digit"
 * if the model has that output), the 28x28 input it saw, the most probable digit, whether the
 * answer is "not a digit", and how long it took from the stroke event to the result being applied
 * on the UI thread, split into its stages so a benchmark can tell which one is slow. The answer
 * joins two readers; {@code picture} and {@code path} are what each said on its own ({@code path}
 * is null while no stroke reader has loaded, or when it failed), so the pad can show where the answer came from;
 * {@code pictureAnswer} and {@code pathAnswer} are each reader's own answer by the model's rule (a
 * digit, or {@link NotDigitRule#NOT_A_DIGIT}; the picture's is the one the Network view explains).
 */
public record Recognition(float[] probabilities, float[] preview, int digit, boolean notADigit, long latencyNanos,
        Stages stages, float[] picture, float[] path, int pictureAnswer, int pathAnswer) {
    /** Nanoseconds spent waiting for the inference thread, normalizing, in the forward pass, and waiting for the UI thread. */
    public record Stages(long queuedNanos, long normalizeNanos, long forwardNanos, long deliveryNanos) {}

    public float confidence() {
        return probabilities[digit];
    }

    /** Whether the two readers' own answers differ, a digit or "not a digit" (false with one reader). */
    public boolean disagree() {
        return path != null && pictureAnswer != pathAnswer;
    }

    /**
     * What each reader made of the drawing, as the pad shows it under the answer: that they agree,
     * or each one's answer and how sure it was. Empty when only the picture was read.
     */
    public Optional<String> readers() {
        if (path == null) {
            return Optional.empty();
        }
        int byPicture = pictureAnswer;
        int byPath = pathAnswer;
        if (byPicture == byPath) {
            return Optional.of(byPicture == NotDigitRule.NOT_A_DIGIT ? "Picture and pen path both say: not a digit"
                    : "Picture and pen path both read " + byPicture);
        }
        return Optional.of("Picture " + said(picture, byPicture, "read ") + ", pen path " + said(path, byPath, ""));
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
        int answer = notADigit ? NotDigitRule.NOT_A_DIGIT : digit;
        if (path == null || pictureAnswer == answer) {
            return Optional.empty();
        }
        String alone = pictureAnswer == NotDigitRule.NOT_A_DIGIT
                ? String.format("says not a digit (%.0f%%)", picture[NotDigitRule.NOT_A_DIGIT] * 100)
                : String.format("reads %d (%.0f%%)", pictureAnswer, picture[pictureAnswer] * 100);
        return Optional.of("The picture network alone " + alone + "; the pen's path made it "
                + (notADigit ? "not a digit" : Integer.toString(digit)) + ". The maps explain the picture network.");
    }
}
