package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistNormalizer;
import app.digitpad.ml.net.Architecture;
import org.junit.jupiter.api.Test;

/** The bfloat16 training pass must be fast-cnn's own training pass, to bfloat16's precision. */
class Bf16ForwardTest {
    private static final int COUNT = 64;

    @Test
    void onlyWhereTheCpuMultipliesBfloat16UnlessTheUserSays() {
        assertTrue(Bf16Forward.decide(null, "fpu sse avx2 avx512f avx512_bf16 avx512_vnni"));
        assertTrue(Bf16Forward.decide("", "fpu amx_bf16 amx_tile"));
        assertFalse(Bf16Forward.decide(null, "fpu sse avx2 avx512f avx512_vnni"), "AVX-512 alone emulates bfloat16");
        assertFalse(Bf16Forward.decide(null, ""));
        assertFalse(Bf16Forward.decide("false", "avx512_bf16"));
        assertTrue(Bf16Forward.decide("true", ""));
    }

    /**
     * Same weights, same batch: the script's logits and batch-norm statistics are DJL's layers' in
     * training mode, within what bfloat16's 8-bit mantissa allows, and it answers alike.
     */
    @Test
    void givesWhatFastCnnsLayersGiveInTraining() {
        for (int classes : new int[] {10, 11}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(5);
                Block djl = Architecture.FAST_CNN.build(classes);
                djl.initialize(manager, DataType.FLOAT32, new Shape(COUNT, 1, 28, 28));
                Block copy = Architecture.FAST_CNN.build(classes);
                copy.initialize(manager, DataType.FLOAT32, new Shape(COUNT, 1, 28, 28));
                for (int i = 0; i < djl.getParameters().size(); i++) {
                    djl.getParameters().get(i).getValue().getArray().copyTo(copy.getParameters().get(i).getValue().getArray());
                }
                NDArray x = batch(manager);
                float[] expected = djl.forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow().toFloatArray();
                NDArray logits = Bf16Forward.load(copy, manager).forward(x);
                assertEquals(DataType.FLOAT32, logits.getDataType());
                float[] actual = logits.toFloatArray();
                assertEquals(expected.length, actual.length);
                double diff = 0;
                double scale = 0;
                int agree = 0;
                for (int n = 0; n < COUNT; n++) {
                    agree += argmax(expected, n, classes) == argmax(actual, n, classes) ? 1 : 0;
                }
                for (int i = 0; i < expected.length; i++) {
                    diff += Math.abs(expected[i] - actual[i]);
                    scale += Math.abs(expected[i]);
                }
                assertTrue(diff / scale < 0.03, classes + " outputs: mean relative difference " + diff / scale);
                assertTrue(agree >= COUNT - 2, classes + " outputs: " + agree + " of " + COUNT + " answers agree");
                for (int i = 0; i < djl.getParameters().size(); i++) {
                    Pair<String, Parameter> p = djl.getParameters().get(i);
                    if (p.getKey().contains("running")) {
                        float[] a = p.getValue().getArray().toFloatArray();
                        float[] b = copy.getParameters().get(i).getValue().getArray().toFloatArray();
                        for (int j = 0; j < a.length; j++) {
                            assertEquals(a[j], b[j], 0.02 + 0.02 * Math.abs(a[j]), p.getKey() + "[" + j + "] updated alike");
                        }
                    }
                }
            }
        }
    }

    /** Every trainable parameter gets a 32-bit gradient through the script. */
    @Test
    void gradientsReachEveryParameterInFloat32() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Architecture.FAST_CNN.build(11);
            block.initialize(manager, DataType.FLOAT32, new Shape(COUNT, 1, 28, 28));
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
            NDArray x = batch(manager);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = Bf16Forward.load(block, manager).forward(x);
                collector.backward(logits.logSoftmax(1).get(":, 3").neg().mean());
            }
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    NDArray gradient = p.getValue().getArray().getGradient();
                    assertEquals(DataType.FLOAT32, gradient.getDataType(), p.getKey());
                    assertTrue(gradient.abs().sum().getFloat() > 0, p.getKey() + " has a gradient");
                }
            }
        }
    }

    private static NDArray batch(NDManager manager) {
        MnistData test = TestData.test();
        float[] pixels = new float[COUNT * MnistData.PIXELS];
        for (int i = 0; i < COUNT; i++) {
            test.copyImage(i, pixels, i * MnistData.PIXELS);
        }
        MnistNormalizer.normalizeInPlace(pixels, 0, pixels.length);
        return manager.create(pixels, new Shape(COUNT, 1, 28, 28));
    }

    private static int argmax(float[] rows, int n, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (rows[n * classes + c] > rows[n * classes + best]) {
                best = c;
            }
        }
        return best;
    }
}
