package app.digitpad.ml;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.data.MnistLoader;
import app.digitpad.ml.data.MnistSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The bundled MNIST, loaded once per test JVM (about 3 s) and shared by the tests that need it. */
public final class TestData {
    private static MnistData train;
    private static MnistData test;

    private TestData() {}

    public static synchronized MnistData train() {
        if (train == null) {
            train = load(true);
        }
        return train;
    }

    public static synchronized MnistData test() {
        if (test == null) {
            test = load(false);
        }
        return test;
    }

    private static MnistData load(boolean training) {
        try {
            MnistLoader loader = new MnistLoader(MnistSource.bundled());
            return training ? loader.train() : loader.test();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
