package app.digitpad.ml.eval;

/** Anything that turns a batch of 28x28 images (values in [0, 1], ink = 1) into class probabilities. */
@FunctionalInterface
public interface BatchClassifier {
    /**
     * @param images {@code count} images of 784 values each, one after another
     * @return {@code count} rows of probabilities, one per class: the 10 digits, then "not a digit"
     *     for a model that has that output
     */
    float[][] probabilities(float[] images, int count) throws Exception;
}
