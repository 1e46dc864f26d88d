package app.digitpad.ml.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import app.digitpad.ml.data.MnistData;
import java.util.List;

/**
 * A look inside a loaded model's network for the length of one piece of work: its layers in order
 * (the children of the model's {@link SequentialBlock}), run one at a time in inference mode, on a
 * scoped NDManager that is closed, with every array made in it, when the work ends. Inputs are
 * standardized exactly as {@link DigitClassifier#predict} does. Obtain one through
 * {@link DigitClassifier#inspect}; do not keep it or its arrays after the work returns.
 */
public final class NetworkPass {
    /** Work done with a pass. */
    @FunctionalInterface
    public interface Work<T> {
        T run(NetworkPass pass) throws Exception;
    }

    private final SequentialBlock network;
    private final List<Block> layers;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final ModelMetadata metadata;

    private NetworkPass(SequentialBlock network, NDManager manager, ModelMetadata metadata) {
        this.network = network;
        this.layers = network.getChildren().values();
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.metadata = metadata;
    }

    static <T> T run(Block block, NDManager modelManager, ModelMetadata metadata, Work<T> work) throws Exception {
        if (!(block instanceof SequentialBlock network)) {
            throw new IllegalStateException("the model's network is not a sequence of layers");
        }
        noGradient();
        try (NDManager scope = modelManager.newSubManager()) {
            return work.run(new NetworkPass(network, scope, metadata));
        }
    }

    /**
     * PyTorch records operations for autograd per thread unless told not to, and a model trained in
     * the app has parameters that require gradients: this thread only ever infers.
     */
    private static void noGradient() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }

    /** The layers in the order the network runs them. */
    public List<Block> layers() {
        return layers;
    }

    /** The whole network (for its parameter list; do not change it). */
    public Block network() {
        return network;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The pass's scope: arrays made here are closed when the work ends. */
    public NDManager manager() {
        return manager;
    }

    /**
     * {@code count} images of 784 pixels in [0, 1] (ink = 1), standardized with the model's mean and
     * standard deviation, as a (count, 1, 28, 28) array: what the first layer sees.
     */
    public NDArray input(float[] pixels, int count) {
        return input(pixels, count, manager);
    }

    /** As {@link #input(float[], int)}, made in {@code into} (a sub-manager of {@link #manager()}). */
    public NDArray input(float[] pixels, int count, NDManager into) {
        int n = count * MnistData.PIXELS;
        if (pixels.length < n) {
            throw new IllegalArgumentException("expected " + n + " pixels, got " + pixels.length);
        }
        float mean = metadata.normalizationMean();
        float std = metadata.normalizationStd();
        float[] standardized = new float[n];
        for (int i = 0; i < n; i++) {
            standardized[i] = (pixels[i] - mean) / std;
        }
        return into.create(standardized, new Shape(count, 1, MnistData.SIDE, MnistData.SIDE));
    }

    /** Runs layer {@code index} alone on {@code input}, in inference mode. */
    public NDArray forward(int index, NDArray input) {
        return layers.get(index).forward(parameters, new NDList(input), false).singletonOrThrow();
    }

    /** Runs every layer in turn: the network's logits. */
    public NDArray forwardAll(NDArray input) {
        NDArray x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = forward(i, x);
        }
        return x;
    }
}
