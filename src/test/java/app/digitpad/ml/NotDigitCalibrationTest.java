package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ml.eval.NotDigitCalibration;
import app.digitpad.ml.data.MnistData;
import org.junit.jupiter.api.Test;

class NotDigitCalibrationTest {
    /** 1,000 digits whose "not a digit" probability is i / 1000 for image i: a known spread. */
    private static final BatchClassifier SPREAD = (images, count) -> {
        float[][] rows = new float[count][11];
        for (int i = 0; i < count; i++) {
            float p = images[i * 784]; // the first pixel carries the probability
            rows[i][10] = p;
            rows[i][3] = 1 - p;
        }
        return rows;
    };

    private static MnistData digits(float scale) {
        byte[] pixels = new byte[1000 * 784];
        byte[] labels = new byte[1000];
        for (int i = 0; i < 1000; i++) {
            pixels[i * 784] = (byte) Math.round(255 * scale * i / 1000.0);
            labels[i] = 3;
        }
        return new MnistData(pixels, labels, "");
    }

    @Test
    void theLowestThresholdThatFlagsAtMostHalfAPercentOfTrainingDigits() throws Exception {
        // probabilities 0 .. 0.999: 0.5 flags half of them, 0.95 flags 5%: none low enough, the highest step
        assertEquals(0.95f, NotDigitCalibration.of(SPREAD, digits(1f)).threshold(), 1e-6);
        // probabilities 0 .. 0.5: at 0.5 only the top few flag
        assertEquals(0.5f, NotDigitCalibration.of(SPREAD, digits(0.5f)).threshold(), 1e-6);
        // probabilities 0 .. 0.6: 0.5 flags ~17%, 0.6 none
        assertEquals(0.6f, NotDigitCalibration.of(SPREAD, digits(0.6f)).threshold(), 1e-6);
    }
}
