package app.digitpad.ml.data;

import java.io.IOException;

/**
 * Loads each MNIST split once, on first use, and keeps it: training and evaluation share it. A
 * failed load is not cached, so fixing the files and retrying works.
 */
public final class MnistCache {
    private final MnistLoader loader;
    private MnistData train;
    private MnistData test;

    public MnistCache(MnistSource source) {
        this.loader = new MnistLoader(source);
    }

    public synchronized MnistData train() throws IOException {
        if (train == null) {
            train = loader.train();
        }
        return train;
    }

    public synchronized MnistData test() throws IOException {
        if (test == null) {
            test = loader.test();
        }
        return test;
    }
}
