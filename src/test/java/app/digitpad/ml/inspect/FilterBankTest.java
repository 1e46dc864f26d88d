package app.digitpad.ml.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digitpad.ml.TestData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FilterBankTest {
    /** The unfolded 6x6 filters, slid over the image itself at stride 2, give the first conv's output. */
    @Test
    void fastCnnFiltersUnfoldedOverTheImageReproduceTheFirstConvolution() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            FilterBank bank = classifier.inspect(pass -> FilterBank.of(pass, summary));
            assertEquals(1, bank.layer());
            assertEquals(32, bank.count());
            assertEquals(6, bank.height());
            assertEquals(6, bank.width());

            float[] image = TestData.test().image(3);
            float mean = classifier.metadata().normalizationMean();
            float std = classifier.metadata().normalizationStd();
            float[] bias = LayerWalkTest.parameter(classifier, 1, "bias");
            float[] conv = classifier.inspect(pass -> LayerWalk.run(pass, image)).output(1);
            for (int o = 0; o < 32; o++) {
                float[] f = bank.filters().get(o);
                for (int i = 1; i < 13; i++) {
                    for (int j = 1; j < 13; j++) {
                        float sum = bias[o];
                        for (int a = 0; a < 6; a++) {
                            for (int b = 0; b < 6; b++) {
                                sum += f[a * 6 + b] * (image[(2 * i - 2 + a) * 28 + 2 * j - 2 + b] - mean) / std;
                            }
                        }
                        assertEquals(sum, conv[o * 196 + i * 14 + j], 1e-3f, "filter " + o + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void seedCnnShowsItsKernelsAndMlpItsUnitsWeightsAsPictures() throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(Architecture.SEED_CNN)) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            FilterBank bank = classifier.inspect(pass -> FilterBank.of(pass, summary));
            float[] w = LayerWalkTest.parameter(classifier, 0, "weight");
            assertEquals(32, bank.count());
            assertEquals(3, bank.height());
            assertArrayEquals(Arrays.copyOfRange(w, 9 * 5, 9 * 6), bank.filters().get(5));
        }
        try (DigitClassifier classifier = Networks.oneBatch(Architecture.MLP)) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            FilterBank bank = classifier.inspect(pass -> FilterBank.of(pass, summary));
            float[] w = LayerWalkTest.parameter(classifier, 1, "weight");
            assertEquals(256, bank.count());
            assertEquals(28, bank.width());
            assertArrayEquals(Arrays.copyOfRange(w, 784 * 200, 784 * 201), bank.filters().get(200));
        }
    }
}
