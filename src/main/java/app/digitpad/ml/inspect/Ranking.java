package app.digitpad.ml.inspect;

import java.util.Arrays;
import java.util.Comparator;

/** Classes ordered by a score. */
public final class Ranking {
    private Ranking() {}

    /** Indices of {@code scores}, highest first (ties: lower index first). */
    public static int[] order(float[] scores) {
        return java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The most probable class and the runner-up. */
    public static int[] topTwo(float[] scores) {
        return Arrays.copyOf(order(scores), 2);
    }

    /** {@code first}, then the highest-scoring other class: an answer decided by a rule, and its runner-up. */
    public static int[] withFirst(float[] scores, int first) {
        for (int c : order(scores)) {
            if (c != first) {
                return new int[] {first, c};
            }
        }
        throw new IllegalArgumentException("need at least two classes");
    }
}
