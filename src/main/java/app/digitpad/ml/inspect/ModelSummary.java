package app.digitpad.ml.inspect;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.NetworkPass;
import app.digitpad.ml.net.Architecture;
import java.util.ArrayList;
import java.util.List;

/**
 * A network layer by layer: output shapes (from the layers' own shape rules, which the tests hold
 * against a real forward pass), parameters held and multiply-adds for one image, with totals.
 */
public record ModelSummary(String modelName, Architecture architecture, List<Layer> layers) {
    public ModelSummary {
        layers = List.copyOf(layers);
    }

    /** Describes the network of {@code pass}. */
    public static ModelSummary of(NetworkPass pass) {
        ModelMetadata metadata = pass.metadata();
        List<Layer> layers = new ArrayList<>();
        Shape shape = Architecture.INPUT_SHAPE;
        List<Block> blocks = pass.layers();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            Shape out = block.getOutputShapes(new Shape[] {shape})[0];
            LayerKind kind = LayerKind.of(block);
            long held = 0;
            long running = 0;
            for (Parameter parameter : block.getParameters().values()) {
                long size = parameter.getArray().size();
                held += size;
                if (parameter.getType() == Parameter.Type.RUNNING_MEAN || parameter.getType() == Parameter.Type.RUNNING_VAR) {
                    running += size;
                }
            }
            long[] inShape = perImage(shape);
            long[] outShape = perImage(out);
            layers.add(new Layer(i, kind, title(block, kind, inShape, outShape), inShape, outShape, held, running,
                    multiplyAdds(block, kind, inShape, outShape)));
            shape = out;
        }
        return new ModelSummary(metadata.name(), metadata.architecture(), layers);
    }

    public long totalParameters() {
        return layers.stream().mapToLong(Layer::parameters).sum();
    }

    /** Batch norm's running means and variances, included in {@link #totalParameters()}. */
    public long totalRunningStatistics() {
        return layers.stream().mapToLong(Layer::runningStatistics).sum();
    }

    public long totalMultiplyAdds() {
        return layers.stream().mapToLong(Layer::multiplyAdds).sum();
    }

    /** Number of outputs of the last layer: 10 digits, or 11 with "not a digit". */
    public int classes() {
        return Math.toIntExact(layers.get(layers.size() - 1).outputSize());
    }

    private static long[] perImage(Shape shape) {
        long[] dims = shape.getShape();
        return java.util.Arrays.copyOfRange(dims, 1, dims.length);
    }

    private static long multiplyAdds(Block block, LayerKind kind, long[] in, long[] out) {
        long outputs = 1;
        for (long d : out) {
            outputs *= d;
        }
        return switch (kind) {
            case CONVOLUTION -> {
                Convolution conv = (Convolution) block;
                long kernel = conv.getKernelShape().size();
                yield outputs * (in[0] / conv.getGroups()) * kernel;
            }
            case DENSE -> outputs * in[in.length - 1];
            case BATCH_NORM -> outputs;
            default -> 0;
        };
    }

    private static String title(Block block, LayerKind kind, long[] in, long[] out) {
        return switch (kind) {
            case CONVOLUTION -> {
                Convolution conv = (Convolution) block;
                Shape k = conv.getKernelShape();
                String padding = conv.getPadding().size() > 0 && conv.getPadding().get(0) > 0
                        ? ", pad " + conv.getPadding().get(0) : "";
                yield "conv " + k.get(0) + "×" + k.get(1) + ", " + conv.getFilters() + " filters" + padding;
            }
            case DENSE -> "dense, " + out[out.length - 1] + " units";
            case BATCH_NORM -> "batch norm";
            case RELU -> "ReLU";
            case MAX_POOL -> "max pool " + in[1] / out[1] + "×" + in[2] / out[2];
            case FLATTEN -> "flatten";
            case RESHAPE -> block instanceof ai.djl.nn.LambdaBlock lambda ? lambda.getName() : "reshape";
        };
    }
}
