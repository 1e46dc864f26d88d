package app.digitpad.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the UI runs: while started, an {@link AnimationTimer} is called once per
 * JavaFX pulse (about 60 a second when the FX thread keeps up) and records the longest gap between
 * two calls. A long gap means the FX thread was blocked or starved, i.e. the window froze that long.
 * FX thread only.
 */
public final class PulseMonitor {
    /** Gaps longer than this count as a visible stall. */
    public static final long STALL_NANOS = 100_000_000L;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (first == 0) {
                first = now;
            }
            if (last != 0) {
                long gap = now - last;
                if (gap > longest) {
                    longest = gap;
                    longestAt = last - first;
                }
                if (gap > STALL_NANOS) {
                    stalls++;
                    if (stallList.size() < 10) {
                        stallList.add(String.format(Locale.US, "%.0f ms at %.1f s", gap / 1e6, (last - first) / 1e9));
                    }
                }
                gaps++;
            }
            last = now;
        }
    };
    private long first;
    private long last;
    private long longest;
    private long longestAt;
    private long gaps;
    private long stalls;
    private boolean running;
    private final List<String> stallList = new ArrayList<>();

    /** Starts a fresh measurement. */
    public void start() {
        first = 0;
        last = 0;
        longest = 0;
        longestAt = 0;
        gaps = 0;
        stalls = 0;
        stallList.clear();
        running = true;
        timer.start();
    }

    public void stop() {
        running = false;
        timer.stop();
    }

    public boolean isRunning() {
        return running;
    }

    /** Longest gap between two pulses of the current or last measurement, in milliseconds. */
    public double longestGapMillis() {
        return longest / 1e6;
    }

    /** Number of gaps measured (pulses minus one). */
    public long gaps() {
        return gaps;
    }

    /** Gaps longer than {@link #STALL_NANOS}. */
    public long stalls() {
        return stalls;
    }

    /** Mean gap in milliseconds (16.7 at 60 pulses a second). */
    public double meanGapMillis() {
        return gaps == 0 ? 0 : (last - first) / 1e6 / gaps;
    }

    /** For logs: "longest gap 23.1 ms (at 4.2 s), mean 16.8 ms, 0 gaps over 100 ms, 612 pulses". */
    public String summary() {
        return String.format(Locale.US, "longest gap %.1f ms (at %.1f s), mean %.1f ms, %d gaps over %d ms%s, %d pulses",
                longestGapMillis(), longestAt / 1e9, meanGapMillis(), stalls, STALL_NANOS / 1_000_000,
                stallList.isEmpty() ? "" : " " + stallList, gaps + 1);
    }
}
