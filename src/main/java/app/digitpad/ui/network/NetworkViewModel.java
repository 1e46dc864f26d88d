package app.digitpad.ui.network;

import app.digitpad.ml.inspect.FilterBank;
import app.digitpad.ml.inspect.LayerTrace;
import app.digitpad.ml.inspect.LayerWalk;
import app.digitpad.ml.inspect.ModelSummary;
import app.digitpad.ml.inspect.OcclusionSaliency;
import app.digitpad.ml.inspect.Ranking;
import app.digitpad.ml.inspect.SaliencyMaps;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.PngFiles;
import app.digitpad.ui.pad.PadViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Network view's state and work. For the pad's current input, one forward pass walks the live
 * model's layers and keeps every output ({@link LayerTrace}), then occlusion saliency explains its
 * answer against the runner-up ({@link Why}); the summary and first-layer filters are worked out
 * once per model ({@link NetworkStructure}).
 *
 * <p>All of it runs on the view's own worker thread, and only while the view is shown. Inputs go
 * through a one-slot mailbox (only the newest waits) and passes start at most every
 * {@link #MIN_INTERVAL_NANOS}, so the view updates about ten times a second while the user draws.
 * Live recognition comes first: saliency's forward passes wait while the pad's bars are being
 * computed. Methods are for the FX thread (or the thread {@code ui} runs on in tests).
 */
public final class NetworkViewModel {
    /** Passes start at most this often: about ten updates a second while drawing. */
    public static final long MIN_INTERVAL_NANOS = 100_000_000L;
    /**
     * Saliency maps start at most this often: they cost some 30 forward passes' worth of work, so while
     * the drawing keeps changing they follow it about four times a second; the drawing as it rests
     * always gets its own.
     */
    public static final long SALIENCY_INTERVAL_NANOS = 250_000_000L;
    /** A recognition slower than this from stroke to bars makes saliency wait ({@link #recognized}). */
    static final long SLOW_RECOGNITION_NANOS = 10_000_000L;
    /** How long saliency waits after a slow recognition. */
    static final long BACK_OFF_NANOS = 500_000_000L;
    /** Saliency gives way to recognition for at most this long per chunk, so it cannot starve. */
    private static final long MAX_YIELD_NANOS = 50_000_000L;

    private final LiveModel liveModel;
    private final Executor worker;
    private final Executor ui;
    private final Executor background;
    private final Dialogs dialogs;
    private final BooleanSupplier recognitionBusy;
    private final long minIntervalNanos;

    private final ReadOnlyObjectWrapper<NetworkStructure> structure = new ReadOnlyObjectWrapper<>(this, "structure");
    private final ReadOnlyObjectWrapper<LayerTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Why> why = new ReadOnlyObjectWrapper<>(this, "why");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<TileRef> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ReadOnlyObjectWrapper<TileRef> pinned = new ReadOnlyObjectWrapper<>(this, "pinned");

    private final AtomicReference<Request> pending = new AtomicReference<>();
    /** Bumped when the view hides or the model changes: work of an older generation stops and is dropped. */
    private volatile long generation;
    private volatile boolean active;
    /** Until when saliency waits: the bars were slow recently. */
    private volatile long backOffUntil = Long.MIN_VALUE / 2;
    private volatile float[] input;
    // worker thread only
    private long lastStartNanos = Long.MIN_VALUE / 2;
    private long lastSaliencyNanos = Long.MIN_VALUE / 2;
    private DigitClassifier described;
    private NetworkStructure describedStructure;

    /** An input to show; {@code walked} is its layer trace when a pass already made it (with {@code by}). */
    private record Request(float[] image, long generation, LayerTrace walked, DigitClassifier by) {
        Request(float[] image, long generation) {
            this(image, generation, null, null);
        }
    }

    /**
     * @param worker runs the passes, one at a time
     * @param recognitionBusy true while live recognition has work (saliency then waits)
     */
    public NetworkViewModel(LiveModel liveModel, Executor worker, Executor ui, Executor background, Dialogs dialogs,
            BooleanSupplier recognitionBusy, long minIntervalNanos) {
        this.liveModel = liveModel;
        this.worker = worker;
        this.ui = ui;
        this.background = background;
        this.dialogs = dialogs;
        this.recognitionBusy = recognitionBusy;
        this.minIntervalNanos = minIntervalNanos;
    }

    /** The app's wiring: the pad's input as recognized, the live model, the network worker. */
    public static NetworkViewModel forApp(AppServices services, PadViewModel pad) {
        NetworkViewModel model = new NetworkViewModel(services.liveModel(), services.workers().network(), Platform::runLater,
                services.workers().background(), services.dialogs(), services.workers()::inferenceBusy, MIN_INTERVAL_NANOS);
        pad.recognitionProperty().addListener((obs, old, r) -> {
            if (r != null) {
                model.recognized(r.latencyNanos());
            }
            model.setInput(r == null ? null : r.preview());
        });
        var r = pad.recognitionProperty().get();
        model.setInput(r == null ? null : r.preview());
        services.liveModel().infoProperty().addListener((obs, old, info) -> model.modelChanged());
        return model;
    }

    // ---- commands ----

    /** The 28x28 input the pad's model sees (null: the pad is empty). */
    public void setInput(float[] image) {
        input = image;
        if (active) {
            submit();
        }
    }

    /**
     * The pad's bars were updated {@code latencyNanos} after the stroke event. When that was slow
     * (the machine is busy, or the JIT still compiling just after start), saliency maps wait a while:
     * the bars come first. Layer walks, about a millisecond each, go on.
     */
    public void recognized(long latencyNanos) {
        if (latencyNanos > SLOW_RECOGNITION_NANOS) {
            backOffUntil = System.nanoTime() + BACK_OFF_NANOS;
        }
    }

    /** The view was shown or hidden: it works only while shown. */
    public void setActive(boolean shown) {
        if (shown == active) {
            return;
        }
        active = shown;
        if (shown) {
            submit();
        } else {
            generation++;
        }
    }

    /** A new model went live. */
    public void modelChanged() {
        generation++;
        if (active) {
            submit();
        }
    }

    public void hover(TileRef tile) {
        hovered.set(tile);
    }

    /** Pins a tile to the detail card (clicking the pinned one again unpins it). */
    public void pin(TileRef tile) {
        pinned.set(tile == null || tile.equals(pinned.get()) ? null : tile);
    }

    /** Asks where to save, then writes {@code image} (a picture of the view) as PNG. */
    public void exportPng(javafx.scene.image.Image image) {
        Optional<Path> target = dialogs.chooseSaveFile("Export the network view as PNG", "digitpad-network.png", ".png");
        target.ifPresent(path -> {
            java.awt.image.BufferedImage pixels = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
            background.execute(() -> {
                try {
                    PngFiles.write(path, pixels);
                    ui.execute(() -> dialogs.notify("Saved " + path.getFileName()));
                } catch (Exception e) {
                    ui.execute(() -> dialogs.showError("Could not export the PNG", describe(e)));
                }
            });
        });
    }

    private void submit() {
        if (pending.getAndSet(new Request(input, generation)) == null) {
            worker.execute(this::drain);
        }
    }

    // ---- worker ----

    private void drain() {
        long wait = lastStartNanos + minIntervalNanos - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        Request request = pending.getAndSet(null);
        if (request == null || request.generation() != generation) {
            if (request != null && active) {
                submit(); // superseded while waiting: run for what is current now
            }
            return;
        }
        lastStartNanos = System.nanoTime();
        Optional<LiveModel.Lease> lease = liveModel.acquire();
        if (lease.isEmpty()) {
            post(request, () -> message.set("Loading model…"));
            return;
        }
        try (LiveModel.Lease borrowed = lease.get()) {
            DigitClassifier classifier = borrowed.classifier();
            classifier.inspect(pass -> {
                if (classifier != described) {
                    ModelSummary summary = ModelSummary.of(pass);
                    describedStructure = NetworkStructure.of(summary, FilterBank.of(pass, summary));
                    described = classifier;
                    warmUp(pass);
                }
                NetworkStructure shown = describedStructure;
                if (request.image() == null) {
                    post(request, () -> apply(shown, null));
                    return null;
                }
                LayerTrace layers;
                if (request.walked() != null && request.by() == classifier) {
                    layers = request.walked();
                } else {
                    layers = LayerWalk.run(pass, request.image());
                    post(request, () -> apply(shown, layers));
                }
                long now = System.nanoTime();
                if (now - lastSaliencyNanos < SALIENCY_INTERVAL_NANOS || now < backOffUntil) {
                    // too soon after the last map, or the bars were slow: come back for this drawing, unless a
                    // newer one is waiting by then
                    if (pending.compareAndSet(null, new Request(request.image(), request.generation(), layers, classifier))) {
                        worker.execute(this::drain);
                    }
                    return null;
                }
                lastSaliencyNanos = now;
                // the answer as the app gives it: an eleventh output under the model's threshold is a runner-up
                int[] two = Ranking.withFirst(layers.probabilities(), classifier.notDigitRule().answer(layers.probabilities()));
                SaliencyMaps maps = OcclusionSaliency.compute(pass, request.image(), () -> giveWay(request));
                Why answer = new Why(request.image(), two[0], two[1], maps, layers.probabilities());
                post(request, () -> why.set(answer));
                return null;
            });
        } catch (CancellationException e) {
            // hidden, or another model went live: nothing to show
        } catch (Exception | LinkageError e) {
            post(request, () -> message.set("Could not look inside the network: " + describe(e)));
        }
    }

    /**
     * One walk and one saliency map of a made-up drawing, thrown away: the first batches of a new
     * model are slow (the engine prepares its kernels for each shape, the JIT compiles), and this way
     * that happens as the view opens rather than while the user draws.
     */
    private static void warmUp(app.digitpad.ml.model.NetworkPass pass) {
        float[] ring = new float[app.digitpad.ml.data.MnistData.PIXELS];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double r = Math.hypot(x - 13.5, y - 13.5);
                ring[y * 28 + x] = r > 5 && r < 8 ? 1f : 0f;
            }
        }
        LayerWalk.run(pass, ring);
        OcclusionSaliency.compute(pass, ring);
    }

    /** Before each saliency chunk: stop if superseded, and let live recognition run first. */
    private void giveWay(Request request) {
        long until = System.nanoTime() + MAX_YIELD_NANOS;
        while (recognitionBusy.getAsBoolean() && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
        }
        if (request.generation() != generation || Thread.currentThread().isInterrupted()) {
            throw new CancellationException();
        }
    }

    private void post(Request request, Runnable action) {
        ui.execute(() -> {
            if (request.generation() == generation) {
                action.run();
            }
        });
    }

    private void apply(NetworkStructure next, LayerTrace layers) {
        if (structure.get() != next) {
            structure.set(next);
            why.set(null); // explained another model
        } else if (layers == null) {
            why.set(null);
        }
        trace.set(layers);
        message.set(layers == null ? "Draw a digit to see what each layer makes of it." : "");
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
    }

    // ---- state ----

    public ReadOnlyObjectProperty<NetworkStructure> structureProperty() {
        return structure.getReadOnlyProperty();
    }

    /** Every layer's output for the newest input shown; null while the pad is empty. */
    public ReadOnlyObjectProperty<LayerTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Saliency for the newest input explained; it may lag the trace by one pass. */
    public ReadOnlyObjectProperty<Why> whyProperty() {
        return why.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TileRef> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TileRef> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** The tile the detail card shows: the hovered one, else the pinned one. */
    public TileRef focused() {
        return hovered.get() != null ? hovered.get() : pinned.get();
    }

    public boolean isActive() {
        return active;
    }
}
