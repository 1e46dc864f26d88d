package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy against labels softened toward the uniform distribution: the true class
 * gets {@code 1 - smoothing} plus its share of {@code smoothing}, every class {@code smoothing / classes}.
 * A network trained on few writers then stops pushing its favourite answers to certainty, so a
 * second opinion (the picture network, in {@code JointReading}) can still outvote it.
 */
final class SmoothedCrossEntropy extends Loss {
    private final float smoothing;
    private final int classes;

    SmoothedCrossEntropy(float smoothing, int classes) {
        super("SmoothedCrossEntropy");
        if (!(smoothing >= 0 && smoothing < 1) || classes < 2) {
            throw new IllegalArgumentException("smoothing must be in [0, 1) and classes at least 2");
        }
        this.smoothing = smoothing;
        this.classes = classes;
    }

    /** @param labels class indices, one per row; @param predictions logits, one row per sample */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(-1);
        NDArray target = labels.singletonOrThrow().oneHot(classes).toType(logProbabilities.getDataType(), false)
                .mul(1 - smoothing).add(smoothing / classes);
        return target.mul(logProbabilities).sum(new int[] {-1}).neg().mean();
    }
}
