package app.digitpad.app;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads and warms up the bundled model on its own thread from the first line of {@code main}, so
 * loading PyTorch and the model overlaps the start of JavaFX instead of following the window.
 * The first window takes the result; any later window (tests) reads the model again itself.
 */
public final class ModelPreload {
    private static CompletableFuture<DigitClassifier> pending;

    private ModelPreload() {}

    /** Starts reading the model; called by {@link Launcher} (and the pad benchmark, to start the same way). */
    public static synchronized void start() {
        if (pending != null) {
            return;
        }
        CompletableFuture<DigitClassifier> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(ModelFiles.loadBundled().warmUp());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "digitpad-model-preload");
        thread.setDaemon(true);
        thread.start();
        pending = future;
    }

    /** The preloaded model if there is one not yet taken, otherwise the bundled model read now. */
    static DigitClassifier takeOrLoad() throws Exception {
        CompletableFuture<DigitClassifier> future;
        synchronized (ModelPreload.class) {
            future = pending;
            pending = null;
        }
        if (future == null) {
            return ModelFiles.loadBundled();
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            // the same failure the window would have met reading the model itself
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
