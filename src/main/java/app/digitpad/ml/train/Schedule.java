package app.digitpad.ml.train;

/** How the learning rate moves over a run. */
public enum Schedule {
    CONSTANT("constant"),
    /** Cosine decay from the peak rate after a short warm-up. */
    COSINE("cosine"),
    /** Smith's one-cycle: warm up to the peak over the first 25%, then cosine down to almost zero. */
    ONE_CYCLE("one-cycle");

    private final String id;

    Schedule(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Schedule fromId(String id) {
        for (Schedule schedule : values()) {
            if (schedule.id.equals(id)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("Unknown schedule '" + id + "'; choose constant, cosine or one-cycle.");
    }

    /** Learning rate at {@code step} (0-based) of {@code totalSteps}. */
    public float rate(float peak, int step, int totalSteps) {
        double t = Math.min(1.0, step / (double) Math.max(1, totalSteps));
        switch (this) {
            case CONSTANT:
                return peak;
            case COSINE: {
                double warm = 0.05;
                if (t < warm) {
                    return (float) (peak * (0.1 + 0.9 * t / warm));
                }
                double u = (t - warm) / (1 - warm);
                return (float) (peak * 0.5 * (1 + Math.cos(Math.PI * u)));
            }
            case ONE_CYCLE:
            default: {
                double warm = 0.25;
                double start = peak / 25.0;
                if (t < warm) {
                    return (float) (start + (peak - start) * t / warm);
                }
                double u = (t - warm) / (1 - warm);
                double end = peak / 1e4;
                return (float) (end + (peak - end) * 0.5 * (1 + Math.cos(Math.PI * u)));
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
