package app.digitpad.ui.pad;

/**
 * One recognition of the pad's drawing: the model's probabilities (10 digits, then "not a digit" if
 * the model has that output), the 28x28 input it saw, the most probable digit, whether the model's
 * answer is "not a digit", and how long it took from the stroke event to the result being applied
 * on the UI thread, split into its stages so a benchmark can tell which one is slow.
 */
public record Recognition(float[] probabilities, float[] preview, int digit, boolean notADigit, long latencyNanos,
        Stages stages) {
    /** Nanoseconds spent waiting for the inference thread, normalizing, in the forward pass, and waiting for the UI thread. */
    public record Stages(long queuedNanos, long normalizeNanos, long forwardNanos, long deliveryNanos) {}

    public float confidence() {
        return probabilities[digit];
    }
}
