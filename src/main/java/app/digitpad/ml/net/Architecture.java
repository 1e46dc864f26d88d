package app.digitpad.ml.net;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The named networks DigitPad can train. Every one takes standardized images of shape
 * (batch, 1, 28, 28) and returns one logit per class: 10 digits, or 11 with "not a digit".
 */
public enum Architecture {
    /** The Keras MNIST tutorial net: two 3x3 conv layers with max pooling, then 128 hidden units. */
    SEED_CNN("seed-cnn", "Keras tutorial CNN: conv32-pool-conv64-pool-dense128") {
        @Override
        public Block build(int classes) {
            return new SequentialBlock()
                    .add(conv(32, 3, 0)).add(Activation.reluBlock()).add(maxPool())
                    .add(conv(64, 3, 0)).add(Activation.reluBlock()).add(maxPool())
                    .add(Blocks.batchFlattenBlock())
                    .add(dense(128)).add(Activation.reluBlock())
                    .add(dense(classes));
        }
    },
    /** LeCun's LeNet-5 layout with ReLU and max pooling, as it is usually trained today. */
    LENET5("lenet5", "LeNet-5: conv6-pool-conv16-pool-dense120-dense84") {
        @Override
        public Block build(int classes) {
            return new SequentialBlock()
                    .add(conv(6, 5, 2)).add(Activation.reluBlock()).add(maxPool())
                    .add(conv(16, 5, 0)).add(Activation.reluBlock()).add(maxPool())
                    .add(Blocks.batchFlattenBlock())
                    .add(dense(120)).add(Activation.reluBlock())
                    .add(dense(84)).add(Activation.reluBlock())
                    .add(dense(classes));
        }
    },
    /** A plain two-layer perceptron: the baseline a CNN has to beat. */
    MLP("mlp", "Multilayer perceptron: dense256-dense128") {
        @Override
        public Block build(int classes) {
            return new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(dense(256)).add(Activation.reluBlock())
                    .add(dense(128)).add(Activation.reluBlock())
                    .add(dense(classes));
        }
    },
    /**
     * Tuned for accuracy per second on two CPU cores (sweep in README): PyTorch's CPU convolution
     * over a one-channel 28x28 image is the most expensive layer of a small CNN, so the image is
     * first folded losslessly into four 14x14 channels (space-to-depth) and the first 3x3 conv sees
     * a 6x6 patch at a quarter of the positions; batch norm everywhere lets a one-cycle schedule use
     * a high learning rate, so one epoch reaches about 99%. The fold is laid out channels-last, which
     * PyTorch's CPU kernels keep through the network and run faster on, and the first pooling comes
     * before its ReLU (max and ReLU commute), so the ReLU and its gradient see a quarter of the values.
     */
    FAST_CNN("fast-cnn", "BatchNorm CNN: space-to-depth-conv32-pool-conv64-dense128 (one-cycle)") {
        @Override
        public int layout() {
            return 2; // 1 was conv16 5x5-conv32-conv64 on the full image, before space-to-depth
        }

        @Override
        public Block build(int classes) {
            return new SequentialBlock()
                    .add(spaceToDepth())
                    .add(conv(32, 3, 1)).add(BatchNorm.builder().build()).add(maxPool()).add(Activation.reluBlock())
                    .add(conv(64, 3, 0)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(dense(128)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                    .add(dense(classes));
        }
    };

    /** Shape of one input batch of one image. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, 28, 28);

    private final String id;
    private final String description;

    Architecture(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The network with {@code classes} outputs: 10 digits, or 11 with "not a digit". */
    public abstract Block build(int classes);

    /**
     * Revision of this architecture's layers, stored in model files: a file saved with another
     * revision cannot hold parameters that fit, and is refused with a message saying so.
     */
    public int layout() {
        return 1;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Architecture fromId(String id) {
        for (Architecture architecture : values()) {
            if (architecture.id.equals(id)) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("Unknown architecture '" + id + "'; choose one of " + ids() + ".");
    }

    public static String ids() {
        return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }

    private static Block conv(int filters, int kernel, int padding) {
        return Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(padding, padding))
                .setFilters(filters)
                .build();
    }

    /** (N, 1, 28, 28) to (N, 4, 14, 14): each 2x2 pixel block becomes one position with 4 channels. */
    private static Block spaceToDepth() {
        return new LambdaBlock(list -> new NDList(list.singletonOrThrow()
                .reshape(-1, 14, 2, 14, 2)
                .transpose(0, 1, 3, 2, 4)
                .reshape(-1, 14, 14, 4)
                .transpose(0, 3, 1, 2)), "space-to-depth");
    }

    private static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    private static Block dense(int units) {
        return Linear.builder().setUnits(units).build();
    }
}
