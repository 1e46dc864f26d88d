package app.digitpad.ml.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import app.digitpad.ml.TestData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * fast-cnn's two speed-ups must not change what it computes: the space-to-depth fold is laid out
 * channels-last in memory (PyTorch's CPU kernels for convolution, batch norm and pooling run faster
 * on it, and keep that layout through the network) but must read back in the logical order; and
 * pooling before the first ReLU must give what ReLU before pooling gives (max and ReLU commute), so
 * models trained in the other order answer the same.
 */
class FastCnnLayoutTest {
    @Test
    void spaceToDepthFoldsEachTwoByTwoBlockIntoFourChannelsInLogicalOrder() throws Exception {
        float[] pixels = new float[2 * MnistData.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            float[] folded = classifier.inspect(pass -> {
                NDArray x = pass.manager().create(pixels, new Shape(2, 1, 28, 28));
                NDArray out = pass.forward(0, x);
                assertEquals(new Shape(2, 4, 14, 14), out.getShape());
                return out.toFloatArray();
            });
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < 4; c++) {
                    for (int y = 0; y < 14; y++) {
                        for (int x = 0; x < 14; x++) {
                            float expected = n * MnistData.PIXELS + (2 * y + c / 2) * 28 + 2 * x + c % 2;
                            assertEquals(expected, folded[((n * 4 + c) * 14 + y) * 14 + x], 0f,
                                    "image " + n + " channel " + c + " at " + y + "," + x);
                        }
                    }
                }
            }
        }
    }

    @Test
    void poolingBeforeTheReluGivesWhatReluBeforePoolingGives() throws Exception {
        MnistData test = TestData.test();
        int count = 32;
        float[] pixels = new float[count * MnistData.PIXELS];
        for (int i = 0; i < count; i++) {
            test.copyImage(i, pixels, i * MnistData.PIXELS);
        }
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            classifier.inspect(pass -> {
                List<Block> layers = pass.layers();
                assertEquals(List.of("maxPool2d", "ReLU"), List.of(name(layers.get(3)), name(layers.get(4))));
                NDArray input = pass.input(pixels, count);
                float[] asBuilt = pass.forwardAll(input).toFloatArray();
                NDArray x = input;
                for (int i = 0; i < layers.size(); i++) {
                    x = pass.forward(i == 3 ? 4 : i == 4 ? 3 : i, x); // ReLU first, then pooling
                }
                assertArrayEquals(asBuilt, x.toFloatArray(), 0f);
                return null;
            });
        }
    }

    private static String name(Block block) {
        return ((LambdaBlock) block).getName();
    }
}
