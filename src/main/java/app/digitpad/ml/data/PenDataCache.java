package app.digitpad.ml.data;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Reads the bundled pen training data once, on first use, and keeps it (it takes a couple of
 * seconds to parse). A failed read is not cached, so a retry reads again.
 */
public final class PenDataCache {
    private final Callable<PenTrainingSet> loader;
    private PenTrainingSet data;

    public PenDataCache() {
        this(PenTrainingSet::loadBundled);
    }

    public PenDataCache(Callable<PenTrainingSet> loader) {
        this.loader = loader;
    }

    public synchronized PenTrainingSet get() throws IOException {
        if (data == null) {
            try {
                data = loader.call();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return data;
    }
}
