package app.digitpad.ml.inspect;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Convolution;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.NetworkPass;
import java.util.List;

/**
 * The first weighted layer's learned filters as small images over the input, one per output channel
 * (or unit), each {@code height} x {@code width} weights in row-major order:
 * <ul>
 *   <li>a convolution on the image: its kernels;</li>
 *   <li>a convolution after space-to-depth (fast-cnn): each 3x3 kernel over the 4 folded channels
 *       is unfolded to the 6x6 patch of image pixels it actually weighs, so it reads like any other
 *       filter;</li>
 *   <li>a dense layer on the flattened image (mlp): each unit's 784 weights as a 28x28 picture.</li>
 * </ul>
 */
public record FilterBank(int layer, String title, int height, int width, List<float[]> filters) {
    public FilterBank {
        filters = List.copyOf(filters);
    }

    public int count() {
        return filters.size();
    }

    /** Largest absolute weight: one symmetric scale for all the filters. */
    public float maxMagnitude() {
        float max = 0;
        for (float[] f : filters) {
            for (float v : f) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** The first weighted layer's filters; empty bank (count 0) if the network has none. */
    public static FilterBank of(NetworkPass pass, ModelSummary summary) {
        List<Layer> layers = summary.layers();
        for (Layer layer : layers) {
            if (!layer.kind().weighted()) {
                continue;
            }
            Block block = pass.layers().get(layer.index());
            float[] w = block.getParameters().get("weight").getArray().toFloatArray();
            boolean spaceToDepth = layer.index() > 0 && layers.get(layer.index() - 1).kind() == LayerKind.RESHAPE
                    && layer.inputShape()[0] == 4 && layer.inputShape()[1] * 2 == MnistData.SIDE;
            if (layer.kind() == LayerKind.CONVOLUTION) {
                Convolution conv = (Convolution) block;
                int out = conv.getFilters();
                int in = (int) layer.inputShape()[0];
                int kh = (int) conv.getKernelShape().get(0);
                int kw = (int) conv.getKernelShape().get(1);
                if (spaceToDepth) {
                    return new FilterBank(layer.index(), out + " filters of " + kh + "×" + kw + " over the 4 space-to-depth "
                            + "channels, each shown unfolded as the " + 2 * kh + "×" + 2 * kw + " patch of image pixels it weighs",
                            2 * kh, 2 * kw, unfold(w, out, kh, kw));
                }
                if (in != 1) {
                    break; // a first conv on several channels has no single picture per filter
                }
                return new FilterBank(layer.index(), out + " " + kh + "×" + kw + " kernels of the first convolution", kh, kw,
                        split(w, out, kh * kw));
            }
            if (layer.inputShape()[0] == MnistData.PIXELS) {
                int units = (int) layer.outputShape()[0];
                return new FilterBank(layer.index(), "each of the first dense layer's " + units
                        + " units' weights on the 28×28 pixels", MnistData.SIDE, MnistData.SIDE, split(w, units, MnistData.PIXELS));
            }
            break;
        }
        return new FilterBank(-1, "no filters to show", 0, 0, List.of());
    }

    private static List<float[]> split(float[] w, int count, int size) {
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = java.util.Arrays.copyOfRange(w, i * size, (i + 1) * size);
        }
        return List.of(out);
    }

    /**
     * Space-to-depth (see {@code Architecture.FAST_CNN}) puts image pixel (2i + dy, 2j + dx) into
     * channel 2 dy + dx at position (i, j), so kernel weight [c][ki][kj] weighs the pixel at offset
     * (2 ki + dy, 2 kj + dx) of the filter's window.
     */
    private static List<float[]> unfold(float[] w, int out, int kh, int kw) {
        float[][] filters = new float[out][];
        int side = 2 * kw;
        for (int o = 0; o < out; o++) {
            float[] f = new float[2 * kh * side];
            for (int c = 0; c < 4; c++) {
                int dy = c / 2;
                int dx = c % 2;
                for (int ki = 0; ki < kh; ki++) {
                    for (int kj = 0; kj < kw; kj++) {
                        f[(2 * ki + dy) * side + 2 * kj + dx] = w[((o * 4 + c) * kh + ki) * kw + kj];
                    }
                }
            }
            filters[o] = f;
        }
        return List.of(filters);
    }
}
