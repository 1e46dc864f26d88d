package app.digitpad.app;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Reads and warms up the bundled model on its own thread from the first line of {@code main}, so
 * loading PyTorch and the model overlaps the start of JavaFX instead of following the window.
 * The first window takes the result; any later window (tests) reads the model again itself.
 */
public final class ModelPreload {
    private static final int JIT_WARM_UP_RUNS = 300;
    /** A drawn "2" in pad units, the shape of a real drawing for the warm-up. */
    private static final List<Stroke> SAMPLE = List.of(new Stroke(List.of(
            new Point(90, 90), new Point(120, 65), new Point(160, 62), new Point(188, 85), new Point(190, 120),
            new Point(165, 155), new Point(130, 185), new Point(95, 215), new Point(140, 214), new Point(195, 212))));

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
                DigitClassifier classifier = ModelFiles.loadBundled();
                try {
                    classifier.warmUp().predict(MnistPreprocessor.fromStrokes(SAMPLE, MnistPreprocessor.PAD_SIZE));
                } catch (Throwable e) {
                    classifier.close();
                    throw e;
                }
                future.complete(classifier);
            } catch (Throwable e) {
                future.completeExceptionally(e);
                return;
            }
            // Until the JIT has compiled the stroke renderer and normalization, a drawing takes
            // ten times longer to prepare and its compilation competes with the first strokes for
            // the CPU; doing it now, while the user reaches for the mouse, keeps the first digits quick.
            for (int i = 0; i < JIT_WARM_UP_RUNS; i++) {
                MnistPreprocessor.fromStrokes(SAMPLE, MnistPreprocessor.PAD_SIZE);
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
