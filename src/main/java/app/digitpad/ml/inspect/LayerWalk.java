package app.digitpad.ml.inspect;

import ai.djl.ndarray.NDArray;
import app.digitpad.ml.model.NetworkPass;
import java.util.ArrayList;
import java.util.List;

/** One forward pass that keeps every layer's output: run the layers one after the other. */
public final class LayerWalk {
    private LayerWalk() {}

    /** Runs {@code image} (784 pixels in [0, 1], ink = 1) through the network of {@code pass}. */
    public static LayerTrace run(NetworkPass pass, float[] image) {
        NDArray x = pass.input(image, 1);
        int layers = pass.layers().size();
        List<float[]> outputs = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            x = pass.forward(i, x);
            outputs.add(x.toFloatArray());
        }
        float[] probabilities = x.softmax(1).toFloatArray();
        return new LayerTrace(image.clone(), outputs, probabilities);
    }
}
