package app.digitpad.app;

import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.io.NativeMemory;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads and warms up the start-up model (the one live when the app last closed, or the bundled one) on its own thread as soon as the JavaFX toolkit is up, so
 * loading PyTorch and the model overlaps building the window instead of following it. Not earlier:
 * the dynamic linker loads one library at a time, and while PyTorch's 450 MB libtorch_cpu.so is
 * being loaded (about a second) no other thread can load a native library or call a native method
 * for the first time, so starting before the toolkit held the whole toolkit start-up back by that
 * second. (Creating the window still waits for it: a wall-clock sample showed the FX thread
 * linking GtkWindow's first native method for 0.14 s.)
 * The first window takes the result; any later window (tests) reads the model again itself.
 */
public final class ModelPreload {
    private static final int JIT_WARM_UP_RUNS = 300;
    /** A drawn "2" in pad units, the shape of a real drawing for the warm-up. */
    private static final List<Stroke> SAMPLE = List.of(new Stroke(List.of(
            new Point(90, 90), new Point(120, 65), new Point(160, 62), new Point(188, 85), new Point(190, 120),
            new Point(165, 155), new Point(130, 185), new Point(95, 215), new Point(140, 214), new Point(195, 212))));

    private static CompletableFuture<DigitClassifier> pending;
    /** The bundled stroke reader, read after the model by the same thread; null once a window took it. */
    private static CompletableFuture<StrokeReader> pendingStrokeReader;
    /** The file {@link #pending} reads; null for the bundled model. */
    private static Path pendingFile;
    private static final CountDownLatch WINDOW_SHOWN = new CountDownLatch(1);
    /** Longest wait for the window before the drawing path is warmed up anyway (a window that never shows). */
    private static final long WINDOW_WAIT_SECONDS = 10;

    private ModelPreload() {}

    /** Starts reading the bundled model (the pad benchmark starts the same way as the app). */
    public static void start() {
        start(null);
    }

    /**
     * Starts reading a model; called once the JavaFX toolkit has started, by {@link DigitPadApp#init()}.
     *
     * @param file the model file to read, or null for the bundled model
     */
    public static synchronized void start(Path file) {
        if (pending != null) {
            return;
        }
        CompletableFuture<DigitClassifier> future = new CompletableFuture<>();
        CompletableFuture<StrokeReader> strokeReader = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                NativeMemory.tuneMallocForTensors(); // before PyTorch allocates
                DigitClassifier classifier = file == null ? ModelFiles.loadBundled() : ModelFiles.load(file);
                StartupTiming.mark("PyTorch and the model loaded");
                try {
                    classifier.warmUp().predict(MnistPreprocessor.fromStrokes(SAMPLE));
                } catch (Throwable e) {
                    classifier.close();
                    throw e;
                }
                StartupTiming.mark("model warmed up");
                future.complete(classifier);
            } catch (Throwable e) {
                future.completeExceptionally(e);
                loadStrokeReader(strokeReader); // the window falls back to the bundled model, and still reads strokes
                return;
            }
            loadStrokeReader(strokeReader);
            // Until the JIT has compiled the stroke renderer and normalization, a drawing takes
            // ten times longer to prepare and its compilation competes with the first strokes for
            // the CPU; doing it while the user reaches for the mouse keeps the first digits quick.
            // Not before the window is on screen: on two cores these runs and the compiler threads
            // they keep busy slowed building the window down.
            try {
                WINDOW_SHOWN.await(WINDOW_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < JIT_WARM_UP_RUNS; i++) {
                MnistPreprocessor.fromStrokes(SAMPLE);
            }
        }, "digitpad-model-preload");
        thread.setDaemon(true);
        thread.start();
        pending = future;
        pendingFile = file;
        pendingStrokeReader = strokeReader;
    }

    /** Reads the bundled stroke reader and runs it once (PyTorch optimizes a fresh network's first passes). */
    private static void loadStrokeReader(CompletableFuture<StrokeReader> result) {
        try {
            StrokeReader reader = StrokeReader.loadBundled();
            try {
                for (int i = 0; i < 3; i++) {
                    reader.probabilities(List.of(SAMPLE));
                }
            } catch (Throwable e) {
                reader.close();
                throw e;
            }
            StartupTiming.mark("stroke reader loaded");
            result.complete(reader);
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * The preloaded stroke reader if no window has taken it yet, otherwise one read now on its own
     * thread. Completes with the reader (the caller owns it) or with why it could not be read.
     */
    static CompletableFuture<StrokeReader> takeStrokeReader() {
        synchronized (ModelPreload.class) {
            if (pendingStrokeReader != null) {
                CompletableFuture<StrokeReader> taken = pendingStrokeReader;
                pendingStrokeReader = null;
                return taken;
            }
        }
        CompletableFuture<StrokeReader> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> loadStrokeReader(result), "digitpad-stroke-reader-load");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Lets the preload thread warm up the drawing path: the window is on screen. */
    static void windowShown() {
        WINDOW_SHOWN.countDown();
    }

    /** The preloaded bundled model if there is one not yet taken, otherwise the bundled model read now. */
    static DigitClassifier takeOrLoad() throws Exception {
        return takeOrLoad(null);
    }

    /**
     * The preloaded model of {@code file} (null: the bundled model) if there is one not yet taken,
     * otherwise that model read now.
     */
    static DigitClassifier takeOrLoad(Path file) throws Exception {
        CompletableFuture<DigitClassifier> future = null;
        synchronized (ModelPreload.class) {
            if (pending != null && Objects.equals(pendingFile, file)) {
                future = pending;
                pending = null;
            }
        }
        if (future == null) {
            return file == null ? ModelFiles.loadBundled() : ModelFiles.load(file);
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
