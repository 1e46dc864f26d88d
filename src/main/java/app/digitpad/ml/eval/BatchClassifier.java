package app.digitpad.ml.eval;

/** Anything that turns a batch of 28x28 images (values in [0, 1], ink = 1) into class probabilities. */
@FunctionalInterface
public interface BatchClassifier {
    /**
     * @param images {@code count} images of 784 values each, one after another
     * @return {@code count} rows of 10 probabilities
     */
    float[][] probabilities(float[] images, int count) throws Exception;
}
