package app.digitpad.ml.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a network is trained on. */
public enum TrainingData {
    /** MNIST's 60,000 training digits: ten classes, as the original recipe. */
    MNIST("mnist", "MNIST", 10),
    /**
     * MNIST plus pen-written digits drawn through the pad's own path, and an eleventh class
     * "not a digit" learnt from pen-written letters and symbols and from random scribbles.
     */
    MNIST_PEN("mnist+pen", "MNIST + pen digits", 11);

    private final String id;
    private final String label;
    private final int classes;

    TrainingData(String id, String label, int classes) {
        this.id = id;
        this.label = label;
        this.classes = classes;
    }

    public String id() {
        return id;
    }

    /** The name shown in the app. */
    public String label() {
        return label;
    }

    /** Outputs of a network trained on this: 10 digits, plus "not a digit" where taught. */
    public int classes() {
        return classes;
    }

    public static TrainingData fromId(String id) {
        for (TrainingData data : values()) {
            if (data.id.equals(id)) {
                return data;
            }
        }
        throw new IllegalArgumentException("Unknown training data '" + id + "'; choose one of "
                + Arrays.stream(values()).map(TrainingData::id).collect(Collectors.joining(", ")) + ".");
    }

    @Override
    public String toString() {
        return label;
    }
}
