package app.digitpad.ml.train;

/**
 * Receives a run's progress. Called on the training thread: implementations hand events to their
 * own thread (the UI coalesces them) and return quickly.
 */
public interface TrainingListener {
    /** Data loaded, network built; the first batch is next. */
    default void onStart(TrainingConfig config, int trainImages, int testImages) {}

    default void onBatch(BatchProgress progress) {}

    /** Called after each epoch's test-set evaluation. */
    default void onEpoch(EpochResult result) {}

    TrainingListener NONE = new TrainingListener() {};

    /** One listener that passes every event to each of {@code listeners}, in order. */
    static TrainingListener all(TrainingListener... listeners) {
        TrainingListener[] each = listeners.clone();
        return new TrainingListener() {
            @Override
            public void onStart(TrainingConfig config, int trainImages, int testImages) {
                for (TrainingListener listener : each) {
                    listener.onStart(config, trainImages, testImages);
                }
            }

            @Override
            public void onBatch(BatchProgress progress) {
                for (TrainingListener listener : each) {
                    listener.onBatch(progress);
                }
            }

            @Override
            public void onEpoch(EpochResult result) {
                for (TrainingListener listener : each) {
                    listener.onEpoch(result);
                }
            }
        };
    }
}
