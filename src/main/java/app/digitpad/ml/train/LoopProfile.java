package app.digitpad.ml.train;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a training run's time went, phase by phase, summed over the run. PyTorch's CPU operators
 * return only when done, so a clock read around each call is the time of that call. Filled by the
 * training loop at the cost of a few clock reads per batch; printed by {@code train --profile}.
 */
public final class LoopProfile {
    /** The parts of a run, in the order they happen. */
    public enum Phase {
        ASSEMBLE("batch assembly (Java: copy, augment, standardize)"),
        COPY_IN("copy into PyTorch"),
        FORWARD("forward"),
        LOSS("loss"),
        BACKWARD("backward"),
        READ_BACK("loss and predictions back to Java"),
        PARTNER("second thread: its part of the batch in, waiting for it"),
        OPTIMIZER("optimizer step"),
        AVERAGE("moving average of the weights"),
        FREE("freeing the batch's tensors"),
        LISTENER("progress listener"),
        TEST("test pass"),
        CALIBRATION("not-a-digit threshold");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Batches at the start whose time is also kept apart: the JIT and PyTorch's allocator warm up. */
    public static final int WARM_UP_BATCHES = 10;

    private final long[] nanos = new long[Phase.values().length];
    private int batches;
    private long warmUpNanos;

    void add(Phase phase, long elapsedNanos) {
        nanos[phase.ordinal()] += elapsedNanos;
    }

    void countBatch(long stepNanos) {
        if (batches < WARM_UP_BATCHES) {
            warmUpNanos += stepNanos;
        }
        batches++;
    }

    /** Time of the first {@link #WARM_UP_BATCHES} optimizer steps. */
    public long warmUpNanos() {
        return warmUpNanos;
    }

    public int batches() {
        return batches;
    }

    public long nanos(Phase phase) {
        return nanos[phase.ordinal()];
    }

    /** Whether {@code phase} happens once a batch, inside the training loop (the rest happen once a run). */
    public static boolean perBatch(Phase phase) {
        return phase.ordinal() <= Phase.LISTENER.ordinal();
    }

    /** Time of the training loop itself: the per-batch phases, summed. */
    public long loopNanos() {
        long loop = 0;
        for (Phase phase : Phase.values()) {
            if (perBatch(phase)) {
                loop += nanos[phase.ordinal()];
            }
        }
        return loop;
    }

    /** One line for a log: the loop's batches and time per batch, the forward and backward share, the test passes. */
    public String summary() {
        long loop = loopNanos();
        int n = Math.max(1, batches);
        long partner = nanos(Phase.PARTNER);
        return String.format(java.util.Locale.ROOT,
                "loop %d batches in %d ms (%.2f ms a batch: forward %.2f, backward %.2f, optimizer %.2f%s, the rest %.2f), test passes %d ms",
                batches, loop / 1_000_000, loop / 1e6 / n, nanos(Phase.FORWARD) / 1e6 / n, nanos(Phase.BACKWARD) / 1e6 / n,
                nanos(Phase.OPTIMIZER) / 1e6 / n,
                partner == 0 ? "" : String.format(java.util.Locale.ROOT, ", waiting for the second thread %.2f", partner / 1e6 / n),
                (loop - nanos(Phase.FORWARD) - nanos(Phase.BACKWARD) - nanos(Phase.OPTIMIZER) - partner) / 1e6 / n,
                (nanos(Phase.TEST) + nanos(Phase.CALIBRATION)) / 1_000_000);
    }

    /** Every phase with its total in nanoseconds, in run order. */
    public Map<Phase, Long> totals() {
        Map<Phase, Long> totals = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            totals.put(phase, nanos[phase.ordinal()]);
        }
        return totals;
    }
}
