package app.digitpad.ui.evaluate;

import app.digitpad.ml.eval.ConfusionMatrix;

/**
 * How strongly each confusion-matrix cell is tinted: an intensity in [0, 1] that the view turns
 * into colour by laying the cell's fill colour (from CSS) over its empty colour (from CSS) at that
 * opacity, so 0 is the empty colour and 1 the full one. No colour is decided here.
 *
 * <p>Correct answers (the diagonal) and errors (off the diagonal) are scaled separately: with one
 * scale the ~1,000 correct images of a class would wash out errors of 1 or 2 images, which are
 * exactly what this screen is for. Within each group:
 * <ul>
 *   <li>{@link Mode#LOG}: {@code ln(count) / ln(max count of the group)}, so 1 image of 8 is
 *       already clearly tinted;</li>
 *   <li>{@link Mode#ROW}: the cell's share of its row (of that true digit's images), errors
 *       relative to the largest error share, the diagonal as is.</li>
 * </ul>
 * Any non-zero cell gets at least {@link #FLOOR}, so a single image never looks like none; a zero
 * cell gets exactly 0.
 */
public final class HeatScale {
    /** The two colour scales the toggle switches between. */
    public enum Mode {
        LOG("Log scale"),
        ROW("Row share");

        private final String title;

        Mode(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** Lowest intensity of a non-zero cell. */
    public static final double FLOOR = 0.18;
    /** From this intensity on, text on the cell should switch to the strong (light-on-dark) colour. */
    public static final double STRONG = 0.6;

    private static final int N = ConfusionMatrix.CLASSES;

    private final Mode mode;
    private final int[][] counts;
    private final int[] rowTotals = new int[N];
    private final int maxError;
    private final int maxCorrect;
    private final double maxErrorShare;

    /** @param counts 10x10 counts, rows true digits, columns predicted digits */
    public HeatScale(int[][] counts, Mode mode) {
        if (counts.length != N) {
            throw new IllegalArgumentException("expected " + N + " rows, got " + counts.length);
        }
        this.mode = mode;
        this.counts = new int[N][];
        int maxError = 0;
        int maxCorrect = 0;
        double maxErrorShare = 0;
        for (int a = 0; a < N; a++) {
            if (counts[a].length != N) {
                throw new IllegalArgumentException("row " + a + " has " + counts[a].length + " columns");
            }
            this.counts[a] = counts[a].clone();
            for (int c : counts[a]) {
                if (c < 0) {
                    throw new IllegalArgumentException("negative count " + c);
                }
                rowTotals[a] += c;
            }
        }
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                int c = counts[a][p];
                if (a == p) {
                    maxCorrect = Math.max(maxCorrect, c);
                } else {
                    maxError = Math.max(maxError, c);
                    if (c > 0) {
                        maxErrorShare = Math.max(maxErrorShare, c / (double) rowTotals[a]);
                    }
                }
            }
        }
        this.maxError = maxError;
        this.maxCorrect = maxCorrect;
        this.maxErrorShare = maxErrorShare;
    }

    public static HeatScale of(ConfusionMatrix matrix, Mode mode) {
        int[][] counts = new int[N][N];
        for (int a = 0; a < N; a++) {
            for (int p = 0; p < N; p++) {
                counts[a][p] = matrix.count(a, p);
            }
        }
        return new HeatScale(counts, mode);
    }

    public Mode mode() {
        return mode;
    }

    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Share of the true digit's images in this cell, 0 when the row is empty. */
    public double rowShare(int actual, int predicted) {
        return rowTotals[actual] == 0 ? 0 : counts[actual][predicted] / (double) rowTotals[actual];
    }

    /** Intensity in [0, 1]: 0 exactly when the count is 0, at least {@link #FLOOR} otherwise. */
    public double intensity(int actual, int predicted) {
        int count = counts[actual][predicted];
        if (count == 0) {
            return 0;
        }
        boolean diagonal = actual == predicted;
        double raw;
        if (mode == Mode.LOG) {
            raw = logFraction(count, diagonal ? maxCorrect : maxError);
        } else {
            double share = rowShare(actual, predicted);
            raw = diagonal ? share : share / maxErrorShare;
        }
        return FLOOR + (1 - FLOOR) * Math.min(1, Math.max(0, raw));
    }

    public boolean strong(int actual, int predicted) {
        return intensity(actual, predicted) >= STRONG;
    }

    /** Largest count off the diagonal (0 for a perfect model). */
    public int maxError() {
        return maxError;
    }

    public int maxCorrect() {
        return maxCorrect;
    }

    /** Largest share of a row off the diagonal. */
    public double maxErrorShare() {
        return maxErrorShare;
    }

    /**
     * The value (count in LOG mode, row share in ROW mode) an error cell of intensity {@code t}
     * has; for the legend's ticks. Below {@link #FLOOR} there are only zero cells.
     */
    public double errorValueAt(double t) {
        if (t < FLOOR) {
            return 0;
        }
        double raw = (t - FLOOR) / (1 - FLOOR);
        return mode == Mode.LOG ? Math.exp(raw * Math.log(Math.max(1, maxError))) : raw * maxErrorShare;
    }

    private static double logFraction(int count, int max) {
        return max <= 1 ? 1 : Math.log(count) / Math.log(max);
    }
}
