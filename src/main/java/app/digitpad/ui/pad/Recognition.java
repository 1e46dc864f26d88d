package app.digitpad.ui.pad;

/**
 * One recognition of the pad's drawing: the model's probabilities, the 28x28 input it saw, and how
 * long it took from the stroke event to the result being ready.
 */
public record Recognition(float[] probabilities, float[] preview, int digit, long latencyNanos) {
    public float confidence() {
        return probabilities[digit];
    }
}
