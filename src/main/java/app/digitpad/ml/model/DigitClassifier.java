package app.digitpad.ml.model;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ml.eval.NotDigitRule;

/**
 * A loaded model ready for inference. Owns its DJL {@link Model} and one long-lived
 * {@link Predictor}; DJL gives each prediction its own scoped NDManager, closed afterwards.
 * Thread-safe: predictions are serialized, since a Predictor is not.
 */
public final class DigitClassifier implements BatchClassifier, AutoCloseable {
    private final Model model;
    private final ModelMetadata metadata;
    private final Predictor<Images, float[][]> predictor;

    /** Takes ownership of {@code model}. */
    public DigitClassifier(Model model, ModelMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
        this.predictor = model.newPredictor(new ImagesTranslator(metadata.normalizationMean(), metadata.normalizationStd()));
    }

    /**
     * Runs a few throw-away predictions so PyTorch's profiling executor has optimized the graph
     * before a user waits on it: the first forward passes of a fresh model are much slower.
     */
    public DigitClassifier warmUp() throws TranslateException {
        float[] blank = new float[MnistData.PIXELS];
        for (int i = 0; i < 3; i++) {
            predict(blank);
        }
        return this;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * The same network under other metadata. The network moves to the returned classifier, which
     * the caller closes; this one must not be used afterwards.
     */
    public synchronized DigitClassifier withMetadata(ModelMetadata value) {
        predictor.close();
        return new DigitClassifier(model, value);
    }

    /** When this model's answer is "not a digit". */
    public NotDigitRule notDigitRule() {
        return metadata.notDigit();
    }

    Model model() {
        return model;
    }

    /** The network's parameters in DJL's {@code Block.saveParameters} format, to start another network from them. */
    public synchronized byte[] parameterBytes() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            model.getBlock().saveParameters(out);
        }
        return bytes.toByteArray();
    }

    /**
     * Probabilities of digits 0-9, then of "not a digit" if the model has that output, for one 28x28
     * image of values in [0, 1] (ink = 1).
     */
    public float[] predict(float[] image) throws TranslateException {
        if (image.length != MnistData.PIXELS) {
            throw new IllegalArgumentException("expected 784 pixels, got " + image.length);
        }
        return probabilities(image, 1)[0];
    }

    @Override
    public synchronized float[][] probabilities(float[] images, int count) throws TranslateException {
        return predictor.predict(new Images(images, count));
    }

    /**
     * Runs {@code work} with this model's network layer by layer (see {@link NetworkPass}). It does
     * not wait for predictions, nor they for it: both only read the parameters. The caller must
     * keep the classifier open meanwhile (a {@code LiveModel} lease does).
     */
    public <T> T inspect(NetworkPass.Work<T> work) throws Exception {
        return NetworkPass.run(model.getBlock(), model.getNDManager(), metadata, work);
    }

    @Override
    public synchronized void close() {
        predictor.close();
        model.close();
    }

    record Images(float[] pixels, int count) {}

    private static final class ImagesTranslator implements NoBatchifyTranslator<Images, float[][]> {
        private final float mean;
        private final float std;
        /** Predictions are serialized (see {@link DigitClassifier#probabilities}): one buffer serves them all. */
        private final DirectBatch batch = new DirectBatch();

        ImagesTranslator(float mean, float std) {
            this.mean = mean;
            this.std = std;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Images input) {
            int n = input.count() * MnistData.PIXELS;
            float[] standardized = new float[n];
            for (int i = 0; i < n; i++) {
                standardized[i] = (input.pixels()[i] - mean) / std;
            }
            return new NDList(batch.create(ctx.getNDManager(), standardized, new Shape(input.count(), 1, 28, 28)));
        }

        @Override
        public float[][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray probabilities = list.singletonOrThrow().softmax(1);
            int count = Math.toIntExact(probabilities.getShape().get(0));
            float[] flat = probabilities.toFloatArray();
            int classes = Math.toIntExact(probabilities.getShape().get(1));
            float[][] rows = new float[count][classes];
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * classes, rows[i], 0, classes);
            }
            return rows;
        }
    }
}
