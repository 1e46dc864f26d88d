package app.digitpad.ml.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A stretch of inference on a thread that also trains. PyTorch records every operation on
 * parameters that require gradients unless told not to, per thread, and DJL's gradient collector
 * leaves recording on when it closes: a test pass in the middle of training would build (and
 * throw away) a backward graph for every batch.
 */
public final class NoGradient implements AutoCloseable {
    private final boolean pytorch;

    private NoGradient() {
        pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        if (pytorch) {
            JniUtils.setGradMode(false);
        }
    }

    /** Turns recording off on this thread until {@link #close()}. */
    public static NoGradient begin() {
        return new NoGradient();
    }

    /** Turns recording back on; the next gradient collector would do so anyway. */
    @Override
    public void close() {
        if (pytorch) {
            JniUtils.setGradMode(true);
        }
    }
}
