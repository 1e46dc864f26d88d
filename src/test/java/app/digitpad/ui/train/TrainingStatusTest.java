package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digitpad.ml.train.BatchProgress;
import org.junit.jupiter.api.Test;

class TrainingStatusTest {
    @Test
    void theStatusLineReadsLikeTheSpecification() {
        BatchProgress p = new BatchProgress(2, 5, 310, 469, 0.05f, 0.98f, 0.001f, 2_950.4, 60_000, 41_700);
        assertEquals("epoch 2/5 · batch 310/469 · 2,950 img/s · ETA 0:41", TrainingStatus.batch(p));
        assertEquals("epoch 2/5 · testing on 10,000 images…", TrainingStatus.testing(p, 10_000));
    }

    @Test
    void readOutsShowDashesUntilThereIsAValue() {
        assertEquals("train – · test –", TrainingStatus.losses(Double.NaN, Double.NaN));
        assertEquals("train – · test –", TrainingStatus.accuracies(Double.NaN, Double.NaN));
        assertEquals("train 0.1235 · test –", TrainingStatus.losses(0.12345, Double.NaN));
        assertEquals("train 0.1235 · test 0.0412", TrainingStatus.losses(0.12345, 0.0412));
        assertEquals("train 99.12% · test 98.77%", TrainingStatus.accuracies(99.1234, 98.766));
    }

    @Test
    void errorsAreDescribedByMessageOrType() {
        assertEquals("NullPointerException", TrainingStatus.describe(new NullPointerException()));
        assertEquals("engine failed (out of native memory)",
                TrainingStatus.describe(new IllegalStateException("engine failed", new RuntimeException("out of native memory"))));
    }
}
