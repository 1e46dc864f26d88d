package app.digitpad.ml.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import org.junit.jupiter.api.Test;

/**
 * fast-cnn's space-to-depth fold is laid out channels-last in memory (PyTorch's CPU kernels for
 * convolution, batch norm and pooling run faster on it, and keep that layout through the network)
 * but must mean the same as the plain fold: read back, it is in the logical order.
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
}
