package app.digitpad.ml.inspect;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/** What a layer of a DigitPad network does, told from its DJL block. */
public enum LayerKind {
    CONVOLUTION,
    DENSE,
    BATCH_NORM,
    RELU,
    MAX_POOL,
    FLATTEN,
    /** Any other reshaping without parameters, such as fast-cnn's space-to-depth. */
    RESHAPE;

    /** True for the layers with weights that the feature-map view groups its stages around. */
    public boolean weighted() {
        return this == CONVOLUTION || this == DENSE;
    }

    /** True for layers that change values one element at a time, keeping the shape. */
    public boolean elementwise() {
        return this == BATCH_NORM || this == RELU;
    }

    static LayerKind of(Block block) {
        if (block instanceof Convolution) {
            return CONVOLUTION;
        }
        if (block instanceof Linear) {
            return DENSE;
        }
        if (block instanceof BatchNorm) {
            return BATCH_NORM;
        }
        if (block instanceof LambdaBlock lambda) {
            String name = lambda.getName();
            if ("ReLU".equals(name)) {
                return RELU;
            }
            if (name.startsWith("maxPool")) {
                return MAX_POOL;
            }
            if ("batchFlatten".equals(name)) {
                return FLATTEN;
            }
            return RESHAPE;
        }
        throw new IllegalArgumentException("DigitPad cannot describe a " + block.getClass().getSimpleName() + " layer");
    }
}
