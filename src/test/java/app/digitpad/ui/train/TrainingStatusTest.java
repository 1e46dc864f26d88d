package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.EpochResult;
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
        assertEquals("train – · test –", TrainingStatus.losses(Double.NaN, null));
        assertEquals("train – · test –", TrainingStatus.accuracies(null));
        EpochResult e = new EpochResult(1, 3, 0.2f, 0.9512f, 0.0412f, 0.98766f, 3_000, 20_000);
        assertEquals("train 0.1235 · test 0.0412", TrainingStatus.losses(0.12345, e));
        assertEquals("train 95.12% · test 98.77%", TrainingStatus.accuracies(e));
    }

    @Test
    void errorsAreDescribedByMessageOrType() {
        assertEquals("NullPointerException", TrainingStatus.describe(new NullPointerException()));
        assertEquals("engine failed (out of native memory)",
                TrainingStatus.describe(new IllegalStateException("engine failed", new RuntimeException("out of native memory"))));
    }
}
