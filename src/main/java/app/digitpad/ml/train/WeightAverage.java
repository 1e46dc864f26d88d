package app.digitpad.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import app.digitpad.ml.model.NoGradient;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a network's weights (and batch-norm statistics) over the
 * steps of a run, which is put in place of the last step's weights at the end. Its horizon is a
 * fifth of the run, so the saved weights average the last part of the schedule's descent: on the
 * ten-epoch pen recipe that read MNIST and pen digits better for both seeds tried, while a horizon
 * reaching back to the peak rate's weights was worse, and one-epoch default runs (312 steps) gained
 * nothing (docs/performance.md). Runs shorter than {@link #MIN_STEPS} steps keep their last weights.
 */
final class WeightAverage implements AutoCloseable {
    /** Shortest run, in optimizer steps, whose weights are averaged. */
    static final int MIN_STEPS = 1000;
    /** The average is updated every this many steps: a quarter of the native calls, the same horizon. */
    static final int EVERY = 4;

    private final float decay;
    private int steps;
    private final NDManager manager;
    private final List<NDArray> live = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();

    /** @param totalSteps the run's length in optimizer steps; sets the horizon */
    WeightAverage(Block block, NDManager parent, int totalSteps) {
        this.decay = (float) Math.pow(decay(totalSteps), EVERY);
        this.manager = parent.newSubManager();
        try (NoGradient noGradient = NoGradient.begin()) {
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray array = pair.getValue().getArray();
                NDArray copy = manager.zeros(array.getShape(), array.getDataType());
                array.copyTo(copy);
                live.add(array);
                average.add(copy);
            }
        }
    }

    /** Per-step decay: its horizon, 1 / (1 - decay) steps, is a fifth of the run. */
    static double decay(int totalSteps) {
        return 1 - 1 / Math.max(1.0, totalSteps / 5.0);
    }

    /** Call after every optimizer step. avg = decay * avg + (1 - decay) * w, in three in-place calls. */
    void update() {
        if (++steps % EVERY != 0) {
            return;
        }
        try (NoGradient noGradient = NoGradient.begin()) {
            for (int i = 0; i < live.size(); i++) {
                average.get(i).subi(live.get(i)).muli(decay).addi(live.get(i));
            }
        }
    }

    /** Puts the average in place of the network's own weights. */
    void copyIntoNetwork() {
        try (NoGradient noGradient = NoGradient.begin()) {
            for (int i = 0; i < live.size(); i++) {
                average.get(i).copyTo(live.get(i));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
