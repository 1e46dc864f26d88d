package app.digitpad.ml.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    /** On Linux with glibc (where the app ships and CI runs) the thresholds must really be set. */
    @Test
    void setsGlibcsMallocThresholdsOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getenv("MALLOC_MMAP_THRESHOLD_") == null
                && System.getenv("MALLOC_TRIM_THRESHOLD_") == null && System.getenv("GLIBC_TUNABLES") == null);
        assertTrue(NativeMemory.tuneMallocForTensors(), "mallopt was found and accepted both thresholds");
    }
}
