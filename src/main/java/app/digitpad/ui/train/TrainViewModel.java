package app.digitpad.ui.train;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.settings.SettingsKeeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Train screen's state, in four parts: the settings form ({@link TrainSettings}), a run's life
 * ({@link TrainingSession}), its progress as chart lines ({@link LiveCurves}) and the run history
 * ({@link RunHistoryModel}). This class wires them and decides what the charts show: the runs
 * selected in the history, plus the live run while one trains, or when nothing is selected the
 * session's last run. For the UI thread (the thread {@code postToUi} runs tasks on).
 */
public final class TrainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainViewModel.class);

    /** The name of the session's run in chart legends. */
    static final String LIVE_RUN_NAME = "this run";

    private final TrainSettings settings = new TrainSettings();
    private final LiveCurves curves = new LiveCurves();
    private final RunHistoryModel history;
    private final TrainingSession session;
    private final Dialogs dialogs;
    private final ObservableList<CurveSet> shown = FXCollections.observableArrayList();
    private final ObservableList<CurveSet> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ReadOnlyStringWrapper chartNote = new ReadOnlyStringWrapper(this, "chartNote", "");

    public TrainViewModel(AppServices services) {
        this(services.liveModel(), services.workers().background(), Platform::runLater, services.dialogs(),
                services.mnist(), services.pen(), services.modelStore(), services.settings());
    }

    /**
     * @param worker runs training, model loading and folder scans
     * @param postToUi runs a task later on the UI thread, in order
     * @param kept where the form is kept across restarts
     */
    public TrainViewModel(LiveModel liveModel, Executor worker, Consumer<Runnable> postToUi, Dialogs dialogs,
            MnistCache mnist, PenDataCache pen, ModelStore store, SettingsKeeper kept) {
        this.dialogs = dialogs;
        history = new RunHistoryModel(liveModel, worker, postToUi, dialogs, store, ModelFiles::describeBundled);
        session = new TrainingSession(liveModel, worker, postToUi, dialogs, mnist, pen, store, curves, history::refresh);

        settings.apply(kept.get().train());
        InvalidationListener keep = obs -> kept.update(s -> s.withTrain(settings.form()));
        settings.fields().forEach(field -> field.addListener(keep));

        InvalidationListener reshow = obs -> updateShown();
        history.compared().addListener(reshow);
        session.runningProperty().addListener(reshow);
        session.startedProperty().addListener(reshow);
        updateShown();
    }

    /** Starts a run with the form's settings, or says which setting is wrong. */
    public void start() {
        TrainingConfig config;
        try {
            config = settings.config();
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot start training: {}", e.getMessage(), e);
            dialogs.showError("Cannot start training", e.getMessage());
            return;
        }
        session.start(config);
    }

    public void cancel() {
        session.cancel();
    }

    /** Stops a run (waiting briefly for its thread) and all history work; the window is closing. */
    public void shutdown() {
        history.close();
        session.shutdown();
    }

    private void updateShown() {
        List<CurveSet> sets = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (RunRecord run : history.compared()) {
            Optional<CurveSet> set = CurveSet.of(run);
            if (set.isPresent()) {
                sets.add(set.get());
            } else {
                without.add(run.label());
            }
        }
        boolean live = session.runningProperty().get() || (session.startedProperty().get() && history.compared().isEmpty());
        if (live) {
            sets.add(curves.asSet(LIVE_RUN_NAME));
        }
        shown.setAll(sets);
        chartNote.set(without.isEmpty() ? "" : "No curves were saved with " + String.join(", ", without)
                + " (models trained before DigitPad kept them).");
    }

    public TrainSettings settings() {
        return settings;
    }

    public TrainingSession session() {
        return session;
    }

    public LiveCurves curves() {
        return curves;
    }

    public RunHistoryModel history() {
        return history;
    }

    /** What the charts show: one run's curves, or several overlaid to compare. */
    public ObservableList<CurveSet> shown() {
        return shownView;
    }

    /** Why a selected run is missing from the charts; empty when none is. */
    public ReadOnlyStringProperty chartNoteProperty() {
        return chartNote.getReadOnlyProperty();
    }
}
