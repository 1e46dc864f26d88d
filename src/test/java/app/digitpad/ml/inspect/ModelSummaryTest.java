package app.digitpad.ml.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelSummaryTest {
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void totalsEqualWhatTheModelHoldsAndShapesMatchARealForwardPass(Architecture architecture) throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(architecture)) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            assertEquals(Networks.heldParameters(classifier), summary.totalParameters());
            assertEquals(10, summary.classes());

            List<long[]> real = classifier.inspect(pass -> {
                NDArray x = pass.input(new float[784], 1);
                List<long[]> shapes = new ArrayList<>();
                for (int i = 0; i < pass.layers().size(); i++) {
                    x = pass.forward(i, x);
                    long[] s = x.getShape().getShape();
                    shapes.add(Arrays.copyOfRange(s, 1, s.length));
                }
                return shapes;
            });
            assertEquals(real.size(), summary.layers().size());
            for (int i = 0; i < real.size(); i++) {
                assertArrayEquals(real.get(i), summary.layers().get(i).outputShape(), "layer " + i);
            }
        }
    }

    @Test
    void seedCnnCountsByHand() throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(Architecture.SEED_CNN)) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            // conv 1->32 3x3, conv 32->64 3x3, dense 1600->128, dense 128->10, each with biases
            long params = (32 * 9 + 32) + (64 * 32 * 9 + 64) + (1600 * 128 + 128) + (128 * 10 + 10);
            long macs = 26L * 26 * 32 * 9 + 11L * 11 * 64 * 32 * 9 + 1600 * 128 + 128 * 10;
            assertEquals(params, summary.totalParameters());
            assertEquals(macs, summary.totalMultiplyAdds());
            assertEquals(0, summary.totalRunningStatistics());
            assertEquals("32×26×26", summary.layers().get(0).outputText());
        }
    }

    @Test
    void lenet5CountsByHand() throws Exception {
        try (DigitClassifier classifier = Networks.oneBatch(Architecture.LENET5)) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            long params = (6 * 25 + 6) + (16 * 6 * 25 + 16) + (400 * 120 + 120) + (120 * 84 + 84) + (84 * 10 + 10);
            long macs = 28L * 28 * 6 * 25 + 10L * 10 * 16 * 6 * 25 + 400 * 120 + 120 * 84 + 84 * 10;
            assertEquals(params, summary.totalParameters());
            assertEquals(macs, summary.totalMultiplyAdds());
        }
    }

    @Test
    void theShippedFastCnnCountsBatchNormStatisticsAndSpaceToDepthHasNoParameters() throws Exception {
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            ModelSummary summary = classifier.inspect(ModelSummary::of);
            assertEquals(Networks.heldParameters(classifier), summary.totalParameters());
            Layer first = summary.layers().get(0);
            assertEquals(LayerKind.RESHAPE, first.kind());
            assertEquals("space-to-depth", first.title());
            assertEquals(0, first.parameters());
            assertArrayEquals(new long[] {4, 14, 14}, first.outputShape());
            // batch norm after conv32, conv64 and dense128: a running mean and variance per channel or unit
            assertEquals(2 * (32 + 64 + 128), summary.totalRunningStatistics());
            long batchNormMacs = 32 * 14 * 14 + 64 * 5 * 5 + 128;
            long macs = 14L * 14 * 32 * 4 * 9 + 5L * 5 * 64 * 32 * 9 + 1600 * 128 + 128 * classifier.metadata().classes() + batchNormMacs;
            assertEquals(macs, summary.totalMultiplyAdds());
        }
    }
}
