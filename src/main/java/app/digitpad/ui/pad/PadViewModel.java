package app.digitpad.ui.pad;

import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.Drawing;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.LiveModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.digitpad.preprocess.NoInkException;

/**
 * The drawing pad's state and live recognition. Strokes are kept in pad units (a square of
 * {@link #PAD_SIZE}), whatever the canvas size on screen; recognition draws them into the model's
 * 28x28 input whatever size they were drawn at and, once the stroke reader has loaded, reads their
 * path with it too ({@link JointReading}), exactly as the pen-digit benchmark does.
 *
 * <p>Recognition requests go through a one-slot mailbox on the inference thread: while the engine
 * is busy only the newest drawing waits, older ones are dropped, and a result that describes a
 * drawing since cleared or undone is discarded. All methods are for the FX thread.
 */
public final class PadViewModel {
    /** Side of the pad in pad units: the resolution recognition renders at. */
    public static final int PAD_SIZE = MnistPreprocessor.PAD_SIZE;
    /** While a stroke is being drawn, recognize at most this often. */
    static final long THROTTLE_NANOS = 40_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(PadViewModel.class);

    private final LiveModel liveModel;
    private final Executor inference;
    private final Executor ui;
    private final LongSupplier clock;
    private final Drawing drawing = new Drawing();
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Recognition> recognition = new ReadOnlyObjectWrapper<>(this, "recognition");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Draw a digit");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private long sequence;
    private long appliedSequence;
    private long discardBefore;
    private long lastRequestNanos;
    private String lastFailure; // inference thread only
    private boolean strokeReaderFailed; // inference thread only

    private record Request(long sequence, List<Stroke> strokes, long eventNanos) {}

    /**
     * What the inference thread read: the input, each reader's probabilities (path null without a stroke
     * reader), the joint answer, and each reader's own answer by the model's rule.
     */
    private record Readings(float[] input, float[] picture, float[] path, float[] joint, boolean notADigit, int pictureAnswer,
            int pathAnswer) {}

    public PadViewModel(LiveModel liveModel, Executor inference) {
        this(liveModel, inference, Platform::runLater, System::nanoTime);
    }

    /** @param ui runs results on the UI thread ({@code Platform::runLater}; tests pass their own) */
    PadViewModel(LiveModel liveModel, Executor inference, Executor ui, LongSupplier clock) {
        this.liveModel = liveModel;
        this.inference = inference;
        this.ui = ui;
        this.clock = clock;
        liveModel.infoProperty().addListener((obs, old, info) -> recognize());
    }

    public void beginStroke(double x, double y) {
        drawing.beginStroke(x, y);
        changed(false);
    }

    public void extendStroke(double x, double y) {
        drawing.addPoint(x, y);
        long now = clock.getAsLong();
        if (now - lastRequestNanos >= THROTTLE_NANOS) {
            changed(false);
        }
    }

    public void endStroke() {
        drawing.endStroke();
        changed(false);
    }

    /** Removes the last stroke (Ctrl+Z). */
    public void undo() {
        if (!drawing.isEmpty()) {
            drawing.undo();
            changed(true);
        }
    }

    /** Empties the pad (Esc, Delete). */
    public void clear() {
        drawing.clear();
        changed(true);
    }

    /** Replaces the drawing, e.g. to replay saved strokes. */
    public void setStrokes(List<Stroke> strokes) {
        drawing.clear();
        for (Stroke stroke : strokes) {
            drawing.add(stroke);
        }
        changed(true);
    }

    public List<Stroke> strokes() {
        return drawing.strokes();
    }

    /** Runs recognition again on the current drawing (e.g. after a new model went live). */
    public void recognize() {
        changed(false);
    }

    private void changed(boolean erased) {
        sequence++;
        revision.set(revision.get() + 1);
        if (erased) {
            discardBefore = sequence;
        }
        List<Stroke> strokes = drawing.strokes();
        empty.set(strokes.isEmpty());
        if (strokes.isEmpty()) {
            pending.set(null);
            recognition.set(null);
            message.set("Draw a digit");
            return;
        }
        lastRequestNanos = clock.getAsLong();
        if (pending.getAndSet(new Request(sequence, strokes, lastRequestNanos)) == null) {
            inference.execute(this::drain);
        }
    }

    /** On the inference thread: recognize the newest waiting drawing, if any. */
    private void drain() {
        Request request = pending.getAndSet(null);
        if (request == null) {
            return;
        }
        Optional<LiveModel.Lease> lease = liveModel.acquire();
        if (lease.isEmpty()) {
            ui.execute(() -> message.set("Loading model…"));
            return;
        }
        try (LiveModel.Lease borrowed = lease.get()) {
            long started = clock.getAsLong();
            float[] input = MnistPreprocessor.fromStrokes(request.strokes());
            long normalized = clock.getAsLong();
            float[] picture = borrowed.classifier().predict(input);
            float[] path = readPath(borrowed.strokeReader(), request.strokes());
            float[] probabilities = path == null ? picture : JointReading.combine(picture, path);
            NotDigitRule rule = borrowed.classifier().notDigitRule();
            boolean notADigit = rule.flags(probabilities);
            long done = clock.getAsLong();
            lastFailure = null;
            // a reader that knows only digits, or a model that never says "not a digit", answers a digit
            int pathAnswer = path == null ? -1 : path.length > NotDigitRule.DIGITS ? rule.answer(path) : NotDigitRule.digit(path);
            Readings readings = new Readings(input, picture, path, probabilities, notADigit, rule.answer(picture), pathAnswer);
            ui.execute(() -> apply(request, readings, new long[] {started, normalized, done}));
        } catch (Exception | LinkageError e) {
            String text = "Recognition failed: " + (e.getMessage() != null ? e.getMessage() : e);
            if (!text.equals(lastFailure)) { // one trace per failure, not one per pointer event
                lastFailure = text;
                if (e instanceof NoInkException) {
                    LOG.debug(text);
                } else {
                    LOG.error(text, e);
                }
            }
            ui.execute(() -> message.set(text));
        }
    }

    /** The stroke reader's probabilities for the drawing, or null if there is none or it fails (the picture's answer then stands). */
    private float[] readPath(Optional<StrokeReader> strokeReader, List<Stroke> strokes) {
        if (strokeReader.isEmpty()) {
            return null;
        }
        try {
            return strokeReader.get().probabilities(List.of(strokes))[0];
        } catch (Exception | LinkageError e) {
            if (!strokeReaderFailed) { // one trace, not one per pointer event
                strokeReaderFailed = true;
                LOG.error("The stroke reader failed; reading drawings from their pictures alone", e);
            }
            return null;
        }
    }

    private void apply(Request request, Readings readings, long[] marks) {
        if (request.sequence() < discardBefore || request.sequence() <= appliedSequence || drawing.isEmpty()) {
            return; // stale: the drawing was erased or a newer result is already shown
        }
        appliedSequence = request.sequence();
        int digit = NotDigitRule.digit(readings.joint());
        long now = clock.getAsLong();
        Recognition.Stages stages = new Recognition.Stages(marks[0] - request.eventNanos(), marks[1] - marks[0],
                marks[2] - marks[1], now - marks[2]);
        recognition.set(new Recognition(readings.joint(), readings.input(), digit, readings.notADigit(),
                now - request.eventNanos(), stages, readings.picture(), readings.path(), readings.pictureAnswer(),
                readings.pathAnswer()));
        message.set("");
    }

    public ReadOnlyObjectProperty<Recognition> recognitionProperty() {
        return recognition.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Changes whenever the strokes change, so the view knows to redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public LiveModel liveModel() {
        return liveModel;
    }
}
