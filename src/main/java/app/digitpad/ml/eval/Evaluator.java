package app.digitpad.ml.eval;

import app.digitpad.ml.data.MnistData;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Classifies a whole labelled set in batches and gathers an {@link Evaluation}. */
public final class Evaluator {
    private static final int BATCH = 500;

    private Evaluator() {}

    public static Evaluation evaluate(BatchClassifier classifier, MnistData data) throws Exception {
        return evaluate(classifier, data, fraction -> {}, () -> false);
    }

    /**
     * @param progress receives the fraction done after each batch (on the calling thread)
     * @param cancelled checked between batches; throws {@link CancellationException} when true
     */
    public static Evaluation evaluate(BatchClassifier classifier, MnistData data, DoubleConsumer progress,
            BooleanSupplier cancelled) throws Exception {
        int n = data.size();
        int[] labels = new int[n];
        int[] predictions = new int[n];
        float[][] probabilities = new float[n][];
        ConfusionMatrix matrix = new ConfusionMatrix();
        double lossSum = 0;
        float[] batch = new float[BATCH * MnistData.PIXELS];
        for (int start = 0; start < n; start += BATCH) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("evaluation cancelled");
            }
            int count = Math.min(BATCH, n - start);
            for (int i = 0; i < count; i++) {
                data.copyImage(start + i, batch, i * MnistData.PIXELS);
            }
            float[][] rows = classifier.probabilities(batch, count);
            for (int i = 0; i < count; i++) {
                int index = start + i;
                labels[index] = data.label(index);
                predictions[index] = NotDigitRule.digit(rows[i]);
                probabilities[index] = rows[i];
                matrix.add(labels[index], predictions[index]);
                lossSum -= Math.log(Math.max(rows[i][labels[index]], 1e-12));
            }
            progress.accept((start + count) / (double) n);
        }
        return new Evaluation(matrix, n == 0 ? 0 : lossSum / n, labels, predictions, probabilities);
    }

    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
