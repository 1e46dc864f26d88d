package app.digitpad.ml.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A stretch of work on this thread with PyTorch's intra-op threads limited, restored on close.
 * The app trains leaving one core to the screen (one thread on two cores): beside the JavaFX
 * threads and the JIT, two PyTorch threads on two cores wait for each other at every operator, as
 * one is often descheduled (measured in docs/performance.md). The command line keeps PyTorch's
 * default.
 * PyTorch keeps the count per thread (OpenMP): threads that first use PyTorch meanwhile take the
 * limit and keep it after {@link #close()} (the pad's inference thread is warmed up at start, before).
 */
public final class EngineThreads implements AutoCloseable {
    private final int before;

    private EngineThreads(int cores) {
        before = pytorch() ? JniUtils.getNumThreads() : 0;
        if (before > 0) {
            JniUtils.setNumThreads(threads(before, cores));
        }
    }

    /** Until {@link #close()}, PyTorch uses one core fewer than this machine has, and at least one. */
    public static EngineThreads leavingOneCore() {
        return new EngineThreads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Whether {@link #leavingOneCore()} leaves PyTorch a single thread while another core exists: on
     * two cores, or where PyTorch is held to one thread (OMP_NUM_THREADS=1).
     */
    public static boolean leavesOneThreadBesideAnotherCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        return pytorch() && cores >= 2 && threads(JniUtils.getNumThreads(), cores) == 1;
    }

    private static boolean pytorch() {
        return "PyTorch".equals(Engine.getInstance().getEngineName());
    }

    /** At most {@code engineDefault} threads, one fewer than {@code cores}, at least one. */
    public static int threads(int engineDefault, int cores) {
        return Math.max(1, Math.min(engineDefault, cores - 1));
    }

    @Override
    public void close() {
        if (before > 0) {
            JniUtils.setNumThreads(before);
        }
    }
}
