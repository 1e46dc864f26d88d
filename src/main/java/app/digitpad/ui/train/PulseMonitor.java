package app.digitpad.ui.train;

import javafx.animation.AnimationTimer;

/**
 * Measures how smoothly the UI runs: while started, an {@link AnimationTimer} is called once per
 * JavaFX pulse (about 60 a second when the FX thread keeps up) and records the longest gap between
 * two calls. A long gap means the FX thread was blocked or starved, i.e. the window froze that long.
 * FX thread only.
 */
public final class PulseMonitor {
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) {
                long gap = now - last;
                if (gap > longest) {
                    longest = gap;
                }
                gaps++;
            }
            last = now;
        }
    };
    private long last;
    private long longest;
    private long gaps;
    private boolean running;

    /** Starts a fresh measurement. */
    public void start() {
        last = 0;
        longest = 0;
        gaps = 0;
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
}
