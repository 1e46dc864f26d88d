package app.digitpad.ml.eval;

import java.util.OptionalDouble;

/**
 * Counts of (true digit, predicted digit) pairs with per-class precision, recall and F1. A metric
 * whose denominator is zero (a class never predicted, or never present) is empty, shown as n/a.
 */
public final class ConfusionMatrix {
    public static final int CLASSES = 10;

    private final int[][] counts = new int[CLASSES][CLASSES];

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    /** Images whose true digit is {@code actual} and that were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int c : row) {
                total += c;
            }
        }
        return total;
    }

    public int correct() {
        int correct = 0;
        for (int i = 0; i < CLASSES; i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    public double accuracy() {
        int total = total();
        return total == 0 ? 0 : correct() / (double) total;
    }

    /** Images whose true digit is {@code digit}. */
    public int support(int digit) {
        int sum = 0;
        for (int p = 0; p < CLASSES; p++) {
            sum += counts[digit][p];
        }
        return sum;
    }

    /** Images predicted as {@code digit}. */
    public int predicted(int digit) {
        int sum = 0;
        for (int a = 0; a < CLASSES; a++) {
            sum += counts[a][digit];
        }
        return sum;
    }

    public OptionalDouble precision(int digit) {
        int predicted = predicted(digit);
        return predicted == 0 ? OptionalDouble.empty() : OptionalDouble.of(counts[digit][digit] / (double) predicted);
    }

    public OptionalDouble recall(int digit) {
        int support = support(digit);
        return support == 0 ? OptionalDouble.empty() : OptionalDouble.of(counts[digit][digit] / (double) support);
    }

    public OptionalDouble f1(int digit) {
        OptionalDouble p = precision(digit);
        OptionalDouble r = recall(digit);
        if (p.isEmpty() || r.isEmpty() || p.getAsDouble() + r.getAsDouble() == 0) {
            return p.isPresent() && r.isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        return OptionalDouble.of(2 * p.getAsDouble() * r.getAsDouble() / (p.getAsDouble() + r.getAsDouble()));
    }

    /** Mean precision over the classes (macro average); classes where it is undefined are left out. */
    public OptionalDouble macroPrecision() {
        return macro(this::precision);
    }

    /** Mean recall over the classes (macro average); classes where it is undefined are left out. */
    public OptionalDouble macroRecall() {
        return macro(this::recall);
    }

    /** Mean F1 over the classes (macro average); classes where it is undefined are left out. */
    public OptionalDouble macroF1() {
        return macro(this::f1);
    }

    private static OptionalDouble macro(java.util.function.IntFunction<OptionalDouble> metric) {
        return java.util.stream.IntStream.range(0, CLASSES).mapToObj(metric).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
    }

    /** Largest off-diagonal count, for colour scales. */
    public int maxOffDiagonal() {
        int max = 0;
        for (int a = 0; a < CLASSES; a++) {
            for (int p = 0; p < CLASSES; p++) {
                if (a != p) {
                    max = Math.max(max, counts[a][p]);
                }
            }
        }
        return max;
    }

    /** Formats an optional metric as a fraction with three decimals, or n/a. */
    public static String format(OptionalDouble value) {
        return value.isPresent() ? String.format("%.3f", value.getAsDouble()) : "n/a";
    }

    /** A fixed-width text table: rows are true digits, columns predicted digits, then recall. */
    public String toTable() {
        StringBuilder out = new StringBuilder("true\\pred");
        for (int p = 0; p < CLASSES; p++) {
            out.append(String.format("%6d", p));
        }
        out.append("   recall  precision     f1\n");
        for (int a = 0; a < CLASSES; a++) {
            out.append(String.format("%9d", a));
            for (int p = 0; p < CLASSES; p++) {
                out.append(String.format("%6d", counts[a][p]));
            }
            out.append(String.format("%9s%11s%7s%n", format(recall(a)), format(precision(a)), format(f1(a))));
        }
        return out.toString();
    }
}
