package app.digitpad.ui.evaluate;

import java.util.Arrays;

/** The most probable classes of one prediction. */
final class TopClasses {
    private TopClasses() {}

    /** Indices of the {@code k} largest probabilities, largest first; ties go to the lower digit. */
    static int[] top(float[] probabilities, int k) {
        Integer[] order = new Integer[probabilities.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int byValue = Float.compare(probabilities[y], probabilities[x]);
            return byValue != 0 ? byValue : Integer.compare(x, y);
        });
        int n = Math.min(k, order.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        return top;
    }
}
