package app.digitpad.ml.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * What the feature-map view shows as one unit: a convolution or dense layer together with the
 * batch norm and ReLU after it (and a pooling between those two), whose last output
 * ({@link #shownLayer()}) is what the next layer sees. The network's last dense layer is the {@link Kind#OUTPUT} stage, shown as probabilities.
 */
public record Stage(Kind kind, int firstLayer, int shownLayer, String title, long[] shape) {
    public enum Kind {
        /** Feature maps: {@code shape} is channels, height, width. */
        CONVOLUTION,
        /** A vector of units: {@code shape} is the unit count. */
        DENSE,
        /** The last layer: its softmax is the answer. */
        OUTPUT
    }

    public int channels() {
        return (int) shape[0];
    }

    public int height() {
        return (int) shape[1];
    }

    public int width() {
        return (int) shape[2];
    }

    /** Number of values shown. */
    public int size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** fast-cnn pools before its first ReLU (the same function, on a quarter of the values): one stage. */
    private static boolean poolBeforeRelu(List<Layer> layers, int index) {
        return layers.get(index).kind() == LayerKind.MAX_POOL && index + 1 < layers.size()
                && layers.get(index + 1).kind() == LayerKind.RELU;
    }

    public static List<Stage> of(ModelSummary summary) {
        List<Layer> layers = summary.layers();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!layer.kind().weighted()) {
                continue;
            }
            StringBuilder title = new StringBuilder(layer.title());
            int shown = i;
            while (shown + 1 < layers.size() && (layers.get(shown + 1).kind().elementwise() || poolBeforeRelu(layers, shown + 1))) {
                shown++;
                title.append(" → ").append(layers.get(shown).title());
            }
            Kind kind = layer.kind() == LayerKind.CONVOLUTION ? Kind.CONVOLUTION
                    : i == layers.size() - 1 ? Kind.OUTPUT : Kind.DENSE;
            stages.add(new Stage(kind, i, shown, title.toString(), layers.get(shown).outputShape()));
        }
        return stages;
    }
}
