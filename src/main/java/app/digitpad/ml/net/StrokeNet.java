package app.digitpad.ml.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import app.digitpad.preprocess.StrokePath;

/**
 * The stroke reader's network: three 1-D convolutions along the pen's path ({@link StrokePath}),
 * each halving its length, then 128 hidden units and one logit per digit. It sees how a digit was
 * written, not what it looks like, so its mistakes are not the picture network's. Its eleventh
 * output is "not a digit", as the picture network's is.
 */
public final class StrokeNet {
    /** The ten digits and "not a digit". */
    public static final int CLASSES = 11;
    /**
     * Revision of the layers and of what {@link StrokePath} feeds them, stored in stroke reader files
     * (2: a pen lift shorter than the points' spacing is marked too; 3: an eleventh output, "not a digit";
     * 4: the path without the pen's hooks).
     */
    public static final int LAYOUT = 4;
    /** The oldest layout still read: the same network with ten outputs, the digits only. */
    public static final int DIGITS_ONLY_LAYOUT = 2;
    /** The first layout with "not a digit". */
    public static final int NOT_A_DIGIT_LAYOUT = 3;
    /** The first layout that reads the path without the pen's hooks ({@link StrokePath#write}). */
    public static final int HOOKS_CUT_LAYOUT = 4;
    /** Shape of one input batch of one drawing. */
    public static final Shape INPUT_SHAPE = new Shape(1, StrokePath.CHANNELS, StrokePath.POINTS);

    private StrokeNet() {}

    public static Block build() {
        return build(CLASSES);
    }

    /** @param classes {@link #CLASSES}, or 10 for a reader of {@link #DIGITS_ONLY_LAYOUT} */
    public static Block build(int classes) {
        return new SequentialBlock()
                .add(conv(48, 5)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(halve())
                .add(conv(64, 5)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(halve())
                .add(conv(96, 3)).add(BatchNorm.builder().build()).add(Activation.reluBlock()).add(halve())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build()).add(Activation.reluBlock())
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** The outputs of a reader saved with {@code layout}, or -1 for a layout this version cannot read. */
    public static int classes(int layout) {
        if (layout >= NOT_A_DIGIT_LAYOUT && layout <= LAYOUT) {
            return CLASSES;
        }
        return layout == DIGITS_ONLY_LAYOUT ? CLASSES - 1 : -1;
    }

    /** Whether a reader of a readable {@code layout} learnt paths with the pen's hooks kept ({@link StrokePath#writeAsDrawn}). */
    public static boolean readsHooks(int layout) {
        return layout < HOOKS_CUT_LAYOUT;
    }

    private static Block conv(int filters, int kernel) {
        return Conv1d.builder()
                .setKernelShape(new Shape(kernel))
                .optPadding(new Shape(kernel / 2))
                .setFilters(filters)
                .build();
    }

    private static Block halve() {
        return Pool.maxPool1dBlock(new Shape(2), new Shape(2));
    }
}
