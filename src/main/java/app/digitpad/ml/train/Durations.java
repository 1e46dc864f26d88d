package app.digitpad.ml.train;

/** Formats milliseconds as m:ss or h:mm:ss. */
public final class Durations {
    private Durations() {}

    public static String format(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
