package app.digitpad.ml.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Block;
import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayerWalkTest {
    @Test
    void theWalksProbabilitiesAreThoseOfPredictForTheShippedModel() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            MnistData test = TestData.test();
            for (int i = 0; i < 20; i++) {
                float[] image = test.image(i);
                LayerTrace trace = classifier.inspect(pass -> LayerWalk.run(pass, image));
                assertArrayEquals(classifier.predict(image), trace.probabilities(), 1e-5f, "image " + i);
                assertEquals(test.label(i), trace.top(), "the shipped model gets the first 20 test images right");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyLayerOutputHasItsSummarysShapeAndTheStagesAreTheExpectedOnes(Architecture architecture) throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(architecture)) {
            float[] image = TestData.test().image(0);
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            LayerTrace trace = classifier.inspect(pass -> LayerWalk.run(pass, image));
            assertArrayEquals(classifier.predict(image), trace.probabilities(), 1e-5f);
            for (Layer layer : summary.layers()) {
                assertEquals(layer.outputSize(), trace.output(layer.index()).length, layer.title());
            }
            List<Stage> stages = Stage.of(summary);
            List<String> conv = stages.stream().filter(s -> s.kind() == Stage.Kind.CONVOLUTION)
                    .map(s -> Layer.shapeText(s.shape())).toList();
            List<String> dense = stages.stream().filter(s -> s.kind() == Stage.Kind.DENSE)
                    .map(s -> Layer.shapeText(s.shape())).toList();
            switch (architecture) {
                case SEED_CNN -> {
                    assertEquals(List.of("32×26×26", "64×11×11"), conv);
                    assertEquals(List.of("128"), dense);
                }
                case LENET5 -> {
                    assertEquals(List.of("6×28×28", "16×10×10"), conv);
                    assertEquals(List.of("120", "84"), dense);
                }
                case MLP -> {
                    assertEquals(List.of(), conv);
                    assertEquals(List.of("256", "128"), dense);
                }
                case FAST_CNN -> {
                    assertEquals(List.of("32×7×7", "64×5×5"), conv); // the first stage pools before its ReLU
                    assertEquals(List.of("128"), dense);
                }
            }
            Stage output = stages.get(stages.size() - 1);
            assertEquals(Stage.Kind.OUTPUT, output.kind());
            assertEquals(10, output.size());
            for (Stage stage : stages) {
                if (stage.kind() != Stage.Kind.OUTPUT) {
                    assertEquals(LayerKind.RELU, summary.layers().get(stage.shownLayer()).kind(),
                            "a stage shows what its ReLU passes on: " + stage.title());
                }
            }
        }
    }

    /**
     * An input of the training mean everywhere standardizes to exactly 0, so the first weighted
     * layer outputs its bias alone at every position (convolution padding is 0 too) and ReLU passes
     * on max(0, bias).
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void aMeanGreyInputGivesTheBiasAloneInTheFirstWeightedLayer(Architecture architecture) throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(architecture)) {
            float[] grey = new float[MnistData.PIXELS];
            Arrays.fill(grey, classifier.metadata().normalizationMean());
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            Stage first = Stage.of(summary).get(0);
            float[] bias = parameter(classifier, first.firstLayer(), "bias");
            LayerTrace trace = classifier.inspect(pass -> LayerWalk.run(pass, grey));
            float[] out = trace.output(first.firstLayer());
            int perChannel = out.length / bias.length;
            for (int i = 0; i < out.length; i++) {
                assertEquals(bias[i / perChannel], out[i], 1e-6f, "output " + i);
            }
            if (architecture != Architecture.FAST_CNN) { // fast-cnn has batch norm in between
                float[] relu = trace.output(first.firstLayer() + 1);
                for (int i = 0; i < relu.length; i++) {
                    assertEquals(Math.max(0, bias[i / perChannel]), relu[i], 1e-6f);
                }
            }
        }
    }

    /**
     * A blank pad is background (0) everywhere, which standardizes to c = -mean/std: away from the
     * padded border a convolution then outputs bias + c * (sum of its kernel's weights), the same at
     * every position, and the shipped fast-cnn's batch norm maps that through its own statistics.
     */
    @Test
    void aBlankPadGivesTheActivationsComputedFromTheParametersAlone() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            float c = -classifier.metadata().normalizationMean() / classifier.metadata().normalizationStd();
            LayerTrace trace = classifier.inspect(pass -> LayerWalk.run(pass, new float[MnistData.PIXELS]));
            float[] w = parameter(classifier, 1, "weight"); // conv 3x3, 4 -> 32 channels, pad 1, on 14x14
            float[] bias = parameter(classifier, 1, "bias");
            float[] gamma = parameter(classifier, 2, "gamma");
            float[] beta = parameter(classifier, 2, "beta");
            float[] mean = parameter(classifier, 2, "runningMean");
            float[] var = parameter(classifier, 2, "runningVar");
            float[] conv = trace.output(1);
            float[] norm = trace.output(2);
            float[] pooled = trace.output(3); // 2x2 max pooling, then ReLU
            float[] relu = trace.output(4);
            for (int o = 0; o < 32; o++) {
                float sum = 0;
                for (int k = 0; k < 4 * 9; k++) {
                    sum += w[o * 36 + k];
                }
                float expected = bias[o] + c * sum;
                float normalized = (expected - mean[o]) / (float) Math.sqrt(var[o] + 1e-5f) * gamma[o] + beta[o];
                for (int y = 1; y < 13; y++) {
                    for (int x = 1; x < 13; x++) {
                        int i = o * 196 + y * 14 + x;
                        assertEquals(expected, conv[i], 1e-4f, "channel " + o);
                        assertEquals(normalized, norm[i], 1e-3f, "channel " + o);
                    }
                }
                for (int y = 1; y < 6; y++) { // pooling windows that hold no border position
                    for (int x = 1; x < 6; x++) {
                        int i = o * 49 + y * 7 + x;
                        assertEquals(normalized, pooled[i], 1e-3f, "channel " + o);
                        assertEquals(Math.max(0, normalized), relu[i], 1e-3f);
                    }
                }
            }
            assertEquals(classifier.metadata().classes(), trace.probabilities().length);
        }
    }

    static float[] parameter(DigitClassifier classifier, int layer, String name) throws Exception {
        return classifier.inspect(pass -> {
            Block block = pass.layers().get(layer);
            return block.getParameters().get(name).getArray().toFloatArray();
        });
    }
}
