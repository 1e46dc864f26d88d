package app.digitpad.ml.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of classifying a labelled image set: accuracy, mean cross-entropy loss, confusion
 * matrix, and for each image its prediction and probabilities, so any cell can be drilled into.
 */
public final class Evaluation {
    private final ConfusionMatrix matrix;
    private final double loss;
    private final int[] labels;
    private final int[] predictions;
    private final float[][] probabilities;

    Evaluation(ConfusionMatrix matrix, double loss, int[] labels, int[] predictions, float[][] probabilities) {
        this.matrix = matrix;
        this.loss = loss;
        this.labels = labels;
        this.predictions = predictions;
        this.probabilities = probabilities;
    }

    public ConfusionMatrix matrix() {
        return matrix;
    }

    public double accuracy() {
        return matrix.accuracy();
    }

    public double loss() {
        return loss;
    }

    public int size() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index];
    }

    public int prediction(int index) {
        return predictions[index];
    }

    /** The class probabilities of image {@code index} (10, or 11 with "not a digit"); do not modify. */
    public float[] probabilities(int index) {
        return probabilities[index];
    }

    /** Indices of the images with true digit {@code actual} predicted as {@code predicted}, ascending. */
    public List<Integer> indicesIn(int actual, int predicted) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == actual && predictions[i] == predicted) {
                indices.add(i);
            }
        }
        return Collections.unmodifiableList(indices);
    }

    /** How many images the rule calls "not a digit". */
    public int flagged(NotDigitRule rule) {
        int count = 0;
        for (float[] row : probabilities) {
            count += rule.flags(row) ? 1 : 0;
        }
        return count;
    }

    /** All misclassified image indices, ascending. */
    public List<Integer> misclassified() {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != predictions[i]) {
                indices.add(i);
            }
        }
        return indices;
    }
}
