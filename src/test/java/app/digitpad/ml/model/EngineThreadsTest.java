package app.digitpad.ml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class EngineThreadsTest {
    @Test
    void oneCoreIsLeftAndAtLeastOneThreadWorks() {
        assertEquals(1, EngineThreads.threads(2, 2));
        assertEquals(1, EngineThreads.threads(1, 1));
        assertEquals(1, EngineThreads.threads(4, 1));
        assertEquals(4, EngineThreads.threads(4, 8), "never more than PyTorch would use");
        assertEquals(7, EngineThreads.threads(8, 8));
    }

    @Test
    void theLimitHoldsUntilClosedOnThisThread() throws Exception {
        ai.djl.engine.Engine.getInstance();
        int before = JniUtils.getNumThreads();
        try (EngineThreads threads = EngineThreads.leavingOneCore()) {
            assertEquals(EngineThreads.threads(before, Runtime.getRuntime().availableProcessors()), JniUtils.getNumThreads());
        }
        assertEquals(before, JniUtils.getNumThreads());
    }
}
