package app.digitpad.ml.inspect;

import java.util.List;

/**
 * What every layer of a network output for one image, from one forward pass: {@code outputs.get(i)}
 * is layer {@code i}'s output (values in row-major order of the layer's output shape), and
 * {@code probabilities} the softmax of the last one.
 */
public record LayerTrace(float[] image, List<float[]> outputs, float[] probabilities) {
    public LayerTrace {
        outputs = List.copyOf(outputs);
    }

    public float[] output(int layer) {
        return outputs.get(layer);
    }

    /** The most probable class. */
    public int top() {
        return Ranking.order(probabilities)[0];
    }
}
