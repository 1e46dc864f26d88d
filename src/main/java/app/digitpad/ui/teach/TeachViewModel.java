package app.digitpad.ui.teach;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.personal.HandwritingAdaptation;
import app.digitpad.ml.personal.PersonalSample;
import app.digitpad.ml.personal.SampleStore;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.pad.PadViewModel;
import app.digitpad.ui.pad.Recognition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Teach mode: the user says what a drawing really was, the drawing is kept as a personal sample,
 * and "Adapt to my handwriting" fine-tunes the live model on those samples in the background. The
 * adapted model is saved under the model folder and goes live; the model it came from stays one
 * click away. All methods are for the FX thread; the work runs on {@code background} and reports
 * back through {@code ui}.
 */
public final class TeachViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TeachViewModel.class);

    private final PadViewModel pad;
    private final LiveModel liveModel;
    private final SampleStore store;
    private final ModelStore models;
    private final MnistCache mnist;
    private final PenDataCache pen;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Optional<Path>> reopen;
    private final LongSupplier clock;
    private final Adaptation.Settings settings;

    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper adapting = new ReadOnlyBooleanWrapper(this, "adapting", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final BooleanProperty autoAdapt = new SimpleBooleanProperty(this, "autoAdapt", false);
    private final IntegerProperty autoEvery = new SimpleIntegerProperty(this, "autoEvery", 10);
    private final AtomicReference<HandwritingAdaptation> running = new AtomicReference<>();
    private final AtomicReference<Double> pendingProgress = new AtomicReference<>();
    private LiveModel.Info parent;
    private int sinceAdapting;
    private long lastAdaptMillis = -1;

    public TeachViewModel(PadViewModel pad, LiveModel liveModel, SampleStore store, ModelStore models, MnistCache mnist,
            PenDataCache pen, Executor background, Executor ui, Consumer<Optional<Path>> reopen) {
        this(pad, liveModel, store, models, mnist, pen, background, ui, reopen, System::nanoTime,
                Adaptation.Settings.defaults());
    }

    TeachViewModel(PadViewModel pad, LiveModel liveModel, SampleStore store, ModelStore models, MnistCache mnist,
            PenDataCache pen, Executor background, Executor ui, Consumer<Optional<Path>> reopen, LongSupplier clock,
            Adaptation.Settings settings) {
        this.pad = pad;
        this.liveModel = liveModel;
        this.store = store;
        this.models = models;
        this.mnist = mnist;
        this.pen = pen;
        this.background = background;
        this.ui = ui;
        this.reopen = reopen;
        this.clock = clock;
        this.settings = settings;
        refresh();
    }

    /** Reads the samples file again (count and gallery). */
    public void refresh() {
        background.execute(() -> {
            try {
                SampleStore.Contents contents = store.load();
                ui.execute(() -> {
                    count.set(contents.samples().size());
                    revision.set(revision.get() + 1);
                    if (!contents.warnings().isEmpty()) {
                        message.set(contents.warnings().size() + " unreadable line(s) in " + store.file()
                                + " were skipped: " + contents.warnings().get(0));
                    }
                });
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("Your samples cannot be read: " + text(e)));
            }
        });
    }

    /**
     * Saves the drawing on the pad as a sample of {@code label} (a digit, or
     * {@link PersonalSample#NOT_A_DIGIT}). The model's answer being right makes it a confirmation.
     */
    public void correct(int label) {
        List<Stroke> strokes = pad.strokes();
        if (strokes.isEmpty()) {
            message.set("Draw something first: there is nothing on the pad to save.");
            return;
        }
        Recognition recognition = pad.recognitionProperty().get();
        LiveModel.Info info = liveModel.getInfo();
        String modelName = info == null ? "" : info.metadata().name();
        background.execute(() -> {
            try {
                float[] input = recognition != null ? recognition.preview() : MnistPreprocessor.fromStrokes(strokes);
                int said = recognition == null ? PersonalSample.SAID_NOT_A_DIGIT
                        : recognition.notADigit() ? PersonalSample.SAID_NOT_A_DIGIT : recognition.digit();
                PersonalSample sample = PersonalSample.of(strokes, input, label, said, modelName);
                SampleStore.Added added = store.add(sample);
                int total = store.load().samples().size();
                ui.execute(() -> saved(added, label, recognition, total));
                warmReplay();
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("The sample could not be saved: " + text(e)));
            }
        });
    }

    private void saved(SampleStore.Added added, int label, Recognition recognition, int total) {
        count.set(total);
        revision.set(revision.get() + 1);
        String what = PersonalSample.describe(label);
        String article = label == PersonalSample.NOT_A_DIGIT ? "" : "a ";
        switch (added) {
            case ALREADY_SAVED -> message.set("Already saved as " + article + what + " · " + personalSamples(total));
            case RELABELLED -> message.set("Changed to " + article + what + " · " + personalSamples(total));
            default -> {
                boolean confirmed = recognition != null && (label == PersonalSample.NOT_A_DIGIT ? recognition.notADigit()
                        : !recognition.notADigit() && recognition.digit() == label);
                message.set((confirmed ? "Confirmed: " : "Saved: ") + article + what + " · " + personalSamples(total));
                sinceAdapting++;
                if (autoAdapt.get() && sinceAdapting >= Math.max(1, autoEvery.get()) && !adapting.get()) {
                    adapt();
                }
            }
        }
    }

    /** Fine-tunes the live model on all personal samples; the result goes live when done. */
    public void adapt() {
        if (adapting.get()) {
            return;
        }
        Optional<LiveModel.Lease> lease = liveModel.acquire();
        if (lease.isEmpty()) {
            message.set("No model is live yet.");
            return;
        }
        LiveModel.Info from = liveModel.getInfo();
        long clicked = clock.getAsLong();
        adapting.set(true);
        progress.set(0);
        message.set("Adapting to your handwriting…");
        background.execute(() -> {
            try (LiveModel.Lease borrowed = lease.get();
                    StrokeReader bundled = borrowed.strokeReader().isEmpty() ? bundledReader() : null) {
                SampleStore.Contents contents = store.load();
                List<PenDigit> corrections = new ArrayList<>();
                for (PersonalSample sample : contents.samples()) {
                    corrections.add(sample.asPenDigit());
                }
                HandwritingAdaptation adaptation = new HandwritingAdaptation(borrowed.classifier(),
                        borrowed.strokeReader().orElse(bundled), corrections, mnist.train(), mnist.test(), pen.get(), settings,
                        (step, steps, loss) -> reportProgress(step / (double) steps));
                running.set(adaptation);
                HandwritingAdaptation.Result adapted = adaptation.run();
                Path file = null;
                try {
                    file = models.newModelPath("personal");
                    adapted.save(file);
                    adapted.model().warmUp();
                } catch (Exception | LinkageError e) {
                    adapted.close();
                    if (file != null) {
                        Files.deleteIfExists(file); // saved whole but unusable (warm-up failed): keep it out of the run history
                    }
                    throw e;
                }
                liveModel.replace(adapted.model(), file, adapted.reader());
                long millis = (clock.getAsLong() - clicked) / 1_000_000;
                int samples = adaptation.samples();
                ui.execute(() -> adapted(from, samples, millis));
            } catch (TrainingCancelledException e) {
                ui.execute(() -> done("Adapting was cancelled; the live model is unchanged."));
            } catch (Exception | LinkageError e) {
                LOG.error("Could not adapt the model", e);
                ui.execute(() -> done("Could not adapt: " + text(e) + " The live model is unchanged."));
            } finally {
                running.set(null);
            }
        });
    }

    /**
     * The bundled stroke reader, to adapt when the shared one has not loaded yet (it is only copied);
     * null if it cannot be read: the picture network is then adapted alone.
     */
    private static StrokeReader bundledReader() {
        try {
            return StrokeReader.loadBundled();
        } catch (Exception | LinkageError e) {
            LOG.warn("No stroke reader to adapt: adapting the picture network alone", e);
            return null;
        }
    }

    /**
     * Reads what adapting replays (MNIST, the pen data) once a sample exists, so a click on Adapt
     * does not wait seconds for it. On the background thread; a failure shows when adapting.
     */
    private void warmReplay() {
        try {
            mnist.train();
            mnist.test();
            pen.get();
        } catch (Exception e) {
            // reported by adapt(), which reads them again
        }
    }

    private void reportProgress(double fraction) {
        // coalesced: at most one update waits for the FX thread
        if (pendingProgress.getAndSet(fraction) == null) {
            ui.execute(() -> progress.set(pendingProgress.getAndSet(null)));
        }
    }

    private void adapted(LiveModel.Info from, int samples, long millis) {
        LOG.info("Adapted {} on {} personal samples: click to adapted model live {} ms", from.metadata().name(), samples, millis);
        parent = from;
        sinceAdapting = 0;
        lastAdaptMillis = millis;
        undoLabel.set("Back to " + from.metadata().name());
        done(String.format("Adapted to your handwriting on %d sample%s in %.1f s: the new model is live.", samples,
                samples == 1 ? "" : "s", millis / 1000.0));
    }

    private void done(String text) {
        adapting.set(false);
        progress.set(0);
        message.set(text);
    }

    /** Stops an adaptation in progress; the live model stays as it was. */
    public void cancel() {
        HandwritingAdaptation adaptation = running.get();
        if (adaptation != null) {
            adaptation.cancel();
        }
    }

    /** Makes the model the last adaptation started from live again. */
    public void undo() {
        if (parent == null) {
            return;
        }
        reopen.accept(parent.file());
        message.set("Back to " + parent.metadata().name() + ".");
        parent = null;
        undoLabel.set("");
    }

    /** Deletes a personal sample. */
    public void delete(String id) {
        edit(() -> store.delete(id), "Sample deleted.");
    }

    /** Changes a personal sample's label. */
    public void relabel(String id, int label) {
        edit(() -> store.relabel(id, label), "Sample changed to " + PersonalSample.describe(label) + ".");
    }

    /** Writes all personal samples to a file to share. */
    public void exportTo(Path target) {
        background.execute(() -> {
            try {
                int written = store.exportTo(target);
                ui.execute(() -> message.set("Exported " + written + " samples to " + target));
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("Could not export to " + target + ": " + text(e)));
            }
        });
    }

    /** Adds the samples of a shared file that are not here yet. */
    public void importFrom(Path source) {
        background.execute(() -> {
            try {
                SampleStore.ImportResult result = store.importFrom(source);
                int total = store.load().samples().size();
                ui.execute(() -> {
                    count.set(total);
                    revision.set(revision.get() + 1);
                    message.set("Imported " + result.added() + " samples from " + source.getFileName()
                            + (result.duplicates() > 0 ? " (" + result.duplicates() + " were already here)" : "")
                            + (result.warnings().isEmpty() ? "" : "; " + result.warnings().size() + " unreadable lines skipped"));
                });
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("Could not import " + source + ": " + text(e)));
            }
        });
    }

    /** Reads the samples for the gallery, on the background thread; {@code then} runs on the FX thread. */
    public void loadSamples(Consumer<SampleStore.Contents> then) {
        background.execute(() -> {
            try {
                SampleStore.Contents contents = store.load();
                ui.execute(() -> then.accept(contents));
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("Your samples cannot be read: " + text(e)));
            }
        });
    }

    private interface Edit {
        boolean apply() throws Exception;
    }

    private void edit(Edit edit, String done) {
        background.execute(() -> {
            try {
                boolean changed = edit.apply();
                int total = store.load().samples().size();
                ui.execute(() -> {
                    count.set(total);
                    revision.set(revision.get() + 1);
                    message.set(changed ? done : "That sample is no longer there.");
                });
            } catch (Exception e) {
                LOG.error("Personal samples: {}", text(e), e);
                ui.execute(() -> message.set("Could not change your samples: " + text(e)));
            }
        });
    }

    /** The window is closing: stop adapting. */
    public void shutdown() {
        cancel();
    }

    /** "1 personal sample", "12 personal samples". */
    public static String personalSamples(int count) {
        return count + (count == 1 ? " personal sample" : " personal samples");
    }

    private static String text(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Changes whenever the samples may have changed. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty adaptingProperty() {
        return adapting.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Back to MODEL" while the model an adaptation started from can be made live again; else empty. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public BooleanProperty autoAdaptProperty() {
        return autoAdapt;
    }

    public IntegerProperty autoEveryProperty() {
        return autoEvery;
    }

    /** Click on Adapt to the adapted model live, of the last adaptation (ms), or -1. */
    public long lastAdaptMillis() {
        return lastAdaptMillis;
    }

    public PadViewModel pad() {
        return pad;
    }
}
