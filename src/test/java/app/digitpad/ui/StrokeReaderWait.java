package app.digitpad.ui;

import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** For robot tests of the whole window: the stroke reader loads after the model, on its own. */
public final class StrokeReaderWait {
    private StrokeReaderWait() {}

    /** Waits until the live model reads with a stroke reader (the pad then reads every drawing jointly). */
    public static void until(LiveModel live) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            try (LiveModel.Lease lease = live.acquire().orElseThrow()) {
                return lease.strokeReader().isPresent();
            }
        });
    }
}
