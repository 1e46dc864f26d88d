package app.digitpad.ui.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run history: every model in the model folder and the bundled one, newest first; the runs
 * chosen for comparison; making a run's model live again; deleting a run's file. File work runs on
 * the worker; everything else on the UI thread (the thread {@code postToUi} runs tasks on).
 */
public final class RunHistoryModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunHistoryModel.class);

    private final LiveModel liveModel;
    private final Executor worker;
    private final Consumer<Runnable> postToUi;
    private final Dialogs dialogs;
    private final ModelStore store;
    private final Callable<ModelFiles.Description> bundled;

    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<RunRecord> compared = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> comparedView = FXCollections.unmodifiableObservableList(compared);
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyBooleanWrapper swapping = new ReadOnlyBooleanWrapper(this, "swapping", false);
    private volatile boolean closed;
    private boolean replacingRuns;

    /** @param bundled describes the model bundled with the app (listed in the history too) */
    public RunHistoryModel(LiveModel liveModel, Executor worker, Consumer<Runnable> postToUi, Dialogs dialogs,
            ModelStore store, Callable<ModelFiles.Description> bundled) {
        this.liveModel = Objects.requireNonNull(liveModel);
        this.worker = Objects.requireNonNull(worker);
        this.postToUi = Objects.requireNonNull(postToUi);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.store = Objects.requireNonNull(store);
        this.bundled = Objects.requireNonNull(bundled);
    }

    /** Reads the model folder again, on the worker. */
    public void refresh() {
        if (closed) {
            return;
        }
        worker.execute(() -> {
            List<RunRecord> found = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            try {
                RunHistory.Scan scan = RunHistory.scan(store.folder());
                found.addAll(scan.runs());
                problems.addAll(scan.problems());
            } catch (IOException | RuntimeException e) {
                LOG.error("The model folder {} cannot be read", store.folder(), e);
                problems.add("the model folder " + store.folder() + " cannot be read: " + TrainingStatus.describe(e));
            }
            try {
                found.add(RunRecord.bundled(bundled.call()));
            } catch (Exception e) {
                problems.add(TrainingStatus.describe(e));
            }
            RunHistory.sort(found);
            String text = problems.isEmpty() ? ""
                    : problems.size() + " model(s) could not be read: " + String.join("; ", problems);
            postToUi.accept(() -> {
                // the compared runs stay compared (as their new records); one that is gone (deleted) no more
                List<RunRecord> stillCompared = found.stream()
                        .filter(f -> compared.stream().anyMatch(run -> f.isFrom(run.file()))).toList();
                replacingRuns = true; // a table bound to the runs drops its selection meanwhile
                try {
                    runs.setAll(found);
                } finally {
                    replacingRuns = false;
                }
                compared.setAll(stillCompared);
                note.set(text);
            });
        });
    }

    /** The runs whose curves the charts show, as selected in the history. */
    public void compare(List<RunRecord> selection) {
        if (!replacingRuns && !compared.equals(selection)) {
            compared.setAll(selection);
        }
    }

    /** Loads a run's model on the worker and makes it live; on failure the current model stays. */
    public void makeLive(RunRecord record) {
        if (record == null || swapping.get() || closed) {
            return;
        }
        swapping.set(true);
        worker.execute(() -> {
            try {
                DigitClassifier classifier = record.file().isPresent() ? ModelFiles.load(record.file().get())
                        : ModelFiles.loadBundled();
                try {
                    classifier.warmUp(); // the pad's first prediction with it is then as fast as the rest
                } catch (Exception | Error e) {
                    classifier.close();
                    throw e;
                }
                if (closed) {
                    classifier.close();
                    return;
                }
                liveModel.replace(classifier, record.file().orElse(null));
                postToUi.accept(() -> swapping.set(false));
            } catch (Exception | Error e) { // anything: the screen must come back to ready
                LOG.error("Could not make {} live", record.file(), e);
                String message = TrainingStatus.describe(e);
                postToUi.accept(() -> {
                    swapping.set(false);
                    if (!closed) {
                        dialogs.showError("Could not make the model live", message + "\n\nThe current model is still live.");
                    }
                });
            }
        });
    }

    /** Whether a run can be deleted: not the bundled model, and not the model live now. */
    public boolean canDelete(RunRecord record) {
        return record != null && !record.isBundled() && !isLive(record);
    }

    /** Asks, then deletes the run's model file on the worker and reads the folder again. */
    public void delete(RunRecord record) {
        if (!canDelete(record) || closed) {
            return;
        }
        Path file = record.file().orElseThrow();
        if (!dialogs.confirm("Delete this run?", "The model of this run (" + record.metadata().summary()
                + ") will be deleted:\n" + file + "\n\nThis cannot be undone.", "Delete", "Cancel")) {
            return;
        }
        worker.execute(() -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not delete {}", file, e);
                String message = "The file " + file + " could not be deleted: " + TrainingStatus.describe(e);
                postToUi.accept(() -> dialogs.showError("Could not delete the run", message));
            }
            refresh();
        });
    }

    /** Whether {@code record} is the model that is live now. */
    public boolean isLive(RunRecord record) {
        LiveModel.Info info = liveModel.getInfo();
        return record != null && info != null && record.isFrom(info.file());
    }

    /** No more work: the window is closing. */
    void close() {
        closed = true;
    }

    /** Every run, newest first. */
    public ObservableList<RunRecord> runs() {
        return runsView;
    }

    public ObservableList<RunRecord> compared() {
        return comparedView;
    }

    /** Why some models could not be read; empty when all is well. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True while a saved model is being loaded to go live. */
    public ReadOnlyBooleanProperty swappingProperty() {
        return swapping.getReadOnlyProperty();
    }

    public LiveModel liveModel() {
        return liveModel;
    }

    /** The run whose model is in {@code file}, if the history lists it. */
    Optional<RunRecord> find(Optional<Path> file) {
        return runs.stream().filter(r -> r.isFrom(file)).findFirst();
    }
}
