package app.digitpad.ml.model;

import ai.djl.util.cuda.CudaUtils;

/**
 * The part of the engine's first start that needs no engine: DJL looks for CUDA (through JNA)
 * before it picks and loads PyTorch's native library. Run early on a spare thread, it is done by
 * the time the model loads, which then waits only for PyTorch itself.
 */
public final class EngineProbe {
    private EngineProbe() {}

    /** Looks for GPUs the way DJL's platform detection does; the result is cached by DJL. */
    public static void probeDevices() {
        CudaUtils.getGpuCount();
    }
}
