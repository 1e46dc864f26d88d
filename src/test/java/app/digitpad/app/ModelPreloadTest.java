package app.digitpad.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import org.junit.jupiter.api.Test;

class ModelPreloadTest {
    @Test
    void theFirstWindowGetsThePreloadedModelAndLaterOnesReadTheirOwn() throws Exception {
        ModelPreload.start();
        try (DigitClassifier first = ModelPreload.takeOrLoad();
                DigitClassifier second = ModelPreload.takeOrLoad();
                DigitClassifier direct = ModelFiles.loadBundled()) {
            assertNotSame(first, second, "the preloaded model is handed out once");
            assertEquals(direct.metadata().name(), first.metadata().name());
            float[] stroke = new float[784];
            for (int y = 6; y < 22; y++) {
                stroke[y * 28 + 14] = 1; // a vertical bar
            }
            assertArrayEquals(direct.predict(stroke), first.predict(stroke), 1e-6f, "the bundled model itself");
            assertArrayEquals(direct.predict(stroke), second.predict(stroke), 1e-6f);
        }
    }
}
