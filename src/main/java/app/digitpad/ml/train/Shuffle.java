package app.digitpad.ml.train;

import java.util.SplittableRandom;

/** Fisher-Yates shuffle of an index array with a seeded generator, so runs are repeatable. */
public final class Shuffle {
    private Shuffle() {}

    public static void inPlace(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
