package app.digitpad.cli;

import app.digitpad.ml.train.Bf16Forward;
import app.digitpad.ml.train.LoopProfile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code train --profile}: where the whole process's time went, then the training loop's per batch. */
final class RunProfileReport {
    private final Map<String, Long> steps = new LinkedHashMap<>();

    /** A step of the process outside the training loop, in the order they happen. */
    void step(String name, long nanos) {
        steps.put(name, nanos);
    }

    void print(PrintWriter out, LoopProfile loop, long processNanos) {
        out.println("Where the time went (wall clock):");
        for (Map.Entry<String, Long> step : steps.entrySet()) {
            out.printf("  %-50s %8.2f s%n", step.getKey(), step.getValue() / 1e9);
        }
        out.printf("  %-50s %8.2f s%n", "whole process, start to saved model", processNanos / 1e9);
        int batches = Math.max(1, loop.batches());
        long loopNanos = loop.loopNanos();
        out.printf("Training loop, %,d batches, %.2f ms a batch (%s):%n", loop.batches(), loopNanos / 1e6 / batches,
                Bf16Forward.describe());
        for (LoopProfile.Phase phase : LoopProfile.Phase.values()) {
            long nanos = loop.nanos(phase);
            if ((phase == LoopProfile.Phase.AVERAGE || phase == LoopProfile.Phase.PARTNER) && nanos == 0) {
                continue; // short runs keep their last weights; only the app splits batches
            }
            if (LoopProfile.perBatch(phase)) {
                out.printf("  %-50s %8.3f ms %5.1f%%%n", phase.label(), nanos / 1e6 / batches, 100.0 * nanos / Math.max(1, loopNanos));
            } else if (nanos > 0) {
                out.printf("  %-50s %8.2f s%n", phase.label(), nanos / 1e9);
            }
        }
        out.printf("  %-50s %8.2f ms a batch (the rest: %.2f)%n", "first " + LoopProfile.WARM_UP_BATCHES + " batches (JIT, allocator)",
                loop.warmUpNanos() / 1e6 / Math.min(batches, LoopProfile.WARM_UP_BATCHES), loopNanos / 1e6 / batches);
    }
}
