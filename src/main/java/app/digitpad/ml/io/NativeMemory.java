package app.digitpad.ml.io;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * glibc's malloc settings for PyTorch's tensors. PyTorch's CPU allocator takes every tensor from
 * malloc, and a training step makes and frees tensors of a few MB by the dozen. glibc serves blocks
 * over its mmap threshold with a fresh mapping and may hand freed memory back to the kernel at once,
 * so each step page-faults its tensors in anew: measured on fast-cnn's default run, 3-5 s of system
 * CPU where these settings leave 0.5 s, and 25% more images a second. Blocks up to 32 MB now come
 * from malloc's heaps and are reused; free memory over 64 MB is still given back.
 */
public final class NativeMemory {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    /** mallopt's parameter numbers, from glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    static final int MMAP_THRESHOLD = 32 << 20;
    static final int TRIM_THRESHOLD = 64 << 20;

    private NativeMemory() {}

    /**
     * Sets the two thresholds, once, before PyTorch allocates; does nothing off Linux, on a C library
     * without mallopt, or when the user set glibc's malloc variables. Returns whether they were set.
     */
    public static synchronized boolean tuneMallocForTensors() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || System.getenv("MALLOC_MMAP_THRESHOLD_") != null
                || System.getenv("MALLOC_TRIM_THRESHOLD_") != null || System.getenv("GLIBC_TUNABLES") != null) {
            return false;
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            boolean set = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD}) == 1;
            LOG.debug("malloc thresholds for tensors set: {}", set);
            return set;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("malloc thresholds left as they are: {}", e.toString());
            return false;
        }
    }
}
