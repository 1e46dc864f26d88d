package app.digitpad.ui.train;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.EpochResult;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Train screen's state and commands. A run trains on a worker thread through
 * {@link TrainingRun} (the app's only training loop); its listener events reach this model
 * coalesced by a {@link TrainingProgressBuffer}. A finished run is saved into the model folder and
 * made live; a cancelled or failed one leaves the live model alone. Apart from the worker, all
 * methods and properties are for the FX thread (the thread {@code postToUi} runs tasks on).
 */
public final class TrainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainViewModel.class);

    /** The loss line keeps at most this many points, however long the run. */
    static final int MAX_LOSS_POINTS = 500;
    /** Weight of the past in the smoothed training loss (about a 20-batch window). */
    static final double LOSS_SMOOTHING = 0.95;
    /** Progress reaches the screen at most this often (10 times a second). */
    static final java.time.Duration UI_UPDATE_INTERVAL = java.time.Duration.ofMillis(100);
    /** How long closing the window waits for the training thread to stop. */
    static final long SHUTDOWN_WAIT_MILLIS = 3_000;

    /** What the screen is doing. */
    public enum Phase { READY, LOADING, TRAINING, CANCELLING, SAVING }

    /** How the last run ended. */
    public enum Outcome { NONE, DONE, CANCELLED, FAILED }

    private final LiveModel liveModel;
    private final Executor worker;
    private final Consumer<Runnable> postToUi;
    private final Dialogs dialogs;
    private final MnistCache mnist;
    private final ModelStore store;

    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture");
    private final ObjectProperty<Integer> epochs = new SimpleObjectProperty<>(this, "epochs");
    private final ObjectProperty<Integer> batchSize = new SimpleObjectProperty<>(this, "batchSize");
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>(this, "learningRate");
    private final ObjectProperty<Schedule> schedule = new SimpleObjectProperty<>(this, "schedule");
    private final BooleanProperty augment = new SimpleBooleanProperty(this, "augment");
    private final ObjectProperty<Integer> trainImages = new SimpleObjectProperty<>(this, "trainImages");
    private final ObjectProperty<Integer> testImages = new SimpleObjectProperty<>(this, "testImages");

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Ready. Choose a network and press Start.");
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", TrainingStatus.losses(Double.NaN, null));
    private final ReadOnlyStringWrapper accuracyText = new ReadOnlyStringWrapper(this, "accuracyText", TrainingStatus.accuracies(null));
    private final ReadOnlyIntegerWrapper chartEpochs = new ReadOnlyIntegerWrapper(this, "chartEpochs", 1);
    private final ReadOnlyObjectWrapper<BatchProgress> lastBatch = new ReadOnlyObjectWrapper<>(this, "lastBatch");
    private final ReadOnlyObjectWrapper<RunRecord> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");
    private final ObservableList<ChartPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> testLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> testAccuracy = FXCollections.observableArrayList();

    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    // Read-only views, made once: an unmodifiable list listens to its source only weakly.
    private final ObservableList<ChartPoint> trainLossView = FXCollections.unmodifiableObservableList(trainLoss);
    private final ObservableList<ChartPoint> testLossView = FXCollections.unmodifiableObservableList(testLoss);
    private final ObservableList<ChartPoint> trainAccuracyView = FXCollections.unmodifiableObservableList(trainAccuracy);
    private final ObservableList<ChartPoint> testAccuracyView = FXCollections.unmodifiableObservableList(testAccuracy);
    private final ObservableList<RunRecord> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper historyNote = new ReadOnlyStringWrapper(this, "historyNote", "");
    private final ReadOnlyBooleanWrapper swapping = new ReadOnlyBooleanWrapper(this, "swapping", false);

    private ActiveRun active;
    private volatile ActiveRun newest;
    private volatile boolean shuttingDown;
    private LossCurve lossCurve = new LossCurve(MAX_LOSS_POINTS, LOSS_SMOOTHING);
    private LossCurve accuracyCurve = new LossCurve(MAX_LOSS_POINTS, LOSS_SMOOTHING);
    private EpochResult lastEpoch;
    private int runTestImages;

    public TrainViewModel(AppServices services) {
        this(services.liveModel(), services.workers().background(), Platform::runLater, services.dialogs(),
                services.mnist(), services.modelStore());
    }

    /**
     * @param worker runs training, model loading and folder scans
     * @param postToUi runs a task later on the UI thread, in order
     */
    public TrainViewModel(LiveModel liveModel, Executor worker, Consumer<Runnable> postToUi, Dialogs dialogs,
            MnistCache mnist, ModelStore store) {
        this.liveModel = Objects.requireNonNull(liveModel);
        this.worker = Objects.requireNonNull(worker);
        this.postToUi = Objects.requireNonNull(postToUi);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.mnist = Objects.requireNonNull(mnist);
        this.store = Objects.requireNonNull(store);
        resetSettings();
        phase.addListener((obs, old, now) -> running.set(now != Phase.READY));
    }

    // ---------------------------------------------------------------- settings

    /** Puts every setting back to {@link TrainingConfig#defaults()}, with all images. */
    public void resetSettings() {
        TrainingConfig defaults = TrainingConfig.defaults();
        architecture.set(defaults.architecture());
        epochs.set(defaults.epochs());
        batchSize.set(defaults.batchSize());
        learningRate.set(Double.parseDouble(Float.toString(defaults.learningRate()))); // 0.012, not 0.012000000104308128
        schedule.set(defaults.schedule());
        augment.set(defaults.augment());
        trainImages.set(defaults.trainLimit());
        testImages.set(defaults.testLimit());
    }

    /** The run the settings describe; throws IllegalArgumentException naming a bad setting. */
    public TrainingConfig config() {
        TrainingConfig defaults = TrainingConfig.defaults();
        return defaults
                .withArchitecture(orDefault(architecture.get(), defaults.architecture()))
                .withEpochs(orDefault(epochs.get(), defaults.epochs()))
                .withBatchSize(orDefault(batchSize.get(), defaults.batchSize()))
                .withLearningRate(orDefault(learningRate.get(), (double) defaults.learningRate()).floatValue())
                .withSchedule(orDefault(schedule.get(), defaults.schedule()))
                .withAugment(augment.get())
                .withLimits(orDefault(trainImages.get(), 0), orDefault(testImages.get(), 0));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    // ---------------------------------------------------------------- commands

    /** Starts a run with the current settings; ignored while one runs. */
    public void start() {
        if (phase.get() != Phase.READY || shuttingDown) {
            return;
        }
        TrainingConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            LOG.warn("Cannot start training: {}", e.getMessage(), e);
            dialogs.showError("Cannot start training", e.getMessage());
            return;
        }
        clearCharts(config.epochs());
        ActiveRun run = new ActiveRun(config);
        run.buffer = new TrainingProgressBuffer(postToUi, update -> apply(run, update), UI_UPDATE_INTERVAL);
        active = run;
        newest = run;
        outcome.set(Outcome.NONE);
        phase.set(Phase.LOADING);
        progress.set(-1);
        status.set(TrainingStatus.loading());
        LOG.info("Training {} for {} epochs (batch {}, lr {} {}, augment {}, images {}/{})", config.architecture().id(),
                config.epochs(), config.batchSize(), config.learningRate(), config.schedule().id(), config.augment(),
                config.trainLimit() == 0 ? "all" : config.trainLimit(), config.testLimit() == 0 ? "all" : config.testLimit());
        try {
            worker.execute(() -> train(run));
        } catch (RuntimeException e) { // a rejected task: the pool is shut down
            LOG.error("Training could not start", e);
            run.done.countDown();
            finished(run, Outcome.FAILED, TrainingStatus.describe(e));
        }
    }

    /** Stops the run before its next batch; nothing is saved and the live model stays. */
    public void cancel() {
        if (active != null && (phase.get() == Phase.LOADING || phase.get() == Phase.TRAINING)) {
            phase.set(Phase.CANCELLING);
            status.set("Cancelling…");
            active.cancel(false);
        }
    }

    /** Loads a saved model on a worker thread and makes it live; on failure the current model stays. */
    public void makeLive(RunRecord record) {
        if (record == null || swapping.get() || shuttingDown) {
            return;
        }
        swapping.set(true);
        worker.execute(() -> {
            try {
                DigitClassifier classifier = ModelFiles.load(record.file());
                try {
                    classifier.warmUp(); // the pad's first prediction with it is then as fast as the rest
                } catch (Exception | Error e) {
                    classifier.close();
                    throw e;
                }
                if (shuttingDown) {
                    classifier.close();
                    return;
                }
                liveModel.replace(classifier, record.file());
                postToUi.accept(() -> swapping.set(false));
            } catch (Exception | Error e) { // anything: the screen must come back to ready
                LOG.error("Could not make {} live", record.file(), e);
                String message = TrainingStatus.describe(e);
                postToUi.accept(() -> {
                    swapping.set(false);
                    if (!shuttingDown) {
                        dialogs.showError("Could not make the model live", message + "\n\nThe current model is still live.");
                    }
                });
            }
        });
    }

    /** Reads the run history from the model folder again, on a worker thread. */
    public void refreshHistory() {
        if (shuttingDown) {
            return;
        }
        worker.execute(() -> {
            try {
                RunHistory.Scan scan = RunHistory.scan(store.folder());
                postToUi.accept(() -> {
                    history.setAll(scan.runs());
                    historyNote.set(scan.problems().isEmpty() ? ""
                            : scan.problems().size() + " file(s) in the model folder could not be read: "
                                    + String.join("; ", scan.problems()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.error("The model folder {} cannot be read", store.folder(), e);
                String message = "The model folder " + store.folder() + " cannot be read: " + TrainingStatus.describe(e);
                postToUi.accept(() -> historyNote.set(message));
            }
        });
    }

    /**
     * Called when the window closes: cancels a run and waits up to three seconds for its thread to
     * stop, so no model is half-written and the engine is idle before it is torn down.
     */
    public void shutdown() {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        ActiveRun run = newest;
        if (run != null && run.done.getCount() > 0) {
            run.cancel(true);
            try {
                if (!run.done.await(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("The training thread did not stop within {} ms; leaving it to the JVM's exit", SHUTDOWN_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the newest run's worker thread has not finished (it may outlive the UI's READY by a moment). */
    public boolean isWorkerRunning() {
        ActiveRun run = newest;
        return run != null && run.done.getCount() > 0;
    }

    /** Whether {@code record} is the model that is live now. */
    public boolean isLive(RunRecord record) {
        LiveModel.Info info = liveModel.getInfo();
        return record != null && info != null
                && info.file().map(f -> f.toAbsolutePath().normalize().equals(record.file().toAbsolutePath().normalize())).orElse(false);
    }

    // ---------------------------------------------------------------- the worker

    /** On the worker thread: load data, train, save, go live; every outcome ends in {@link #finished}. */
    private void train(ActiveRun run) {
        TrainingConfig config = run.config;
        try {
            MnistData train = mnist.train();
            MnistData test = mnist.test();
            TrainingRun training = new TrainingRun(config, train, test, run.buffer);
            if (!run.attach(training)) {
                finished(run, Outcome.CANCELLED, "Training cancelled before the first batch.");
                return;
            }
            TrainingResult result = training.run();
            if (!run.beginSaving()) {
                result.close();
                finished(run, Outcome.CANCELLED, "Training cancelled after the last batch.");
                return;
            }
            postToUi.accept(() -> {
                if (run == active && !shuttingDown) {
                    run.buffer.flush();
                    phase.set(Phase.SAVING);
                    status.set(TrainingStatus.saving());
                }
            });
            Path file;
            try {
                file = store.newModelPath(config.architecture().id()).toAbsolutePath();
                ModelFiles.save(result.classifier(), file);
                if (!run.mayGoLive()) {
                    // The window is closing: the saved file is complete; leave the live model alone
                    // and don't spend the shutdown wait warming a model nobody will use.
                    result.close();
                    return;
                }
                result.classifier().warmUp();
            } catch (Exception | Error e) {
                LOG.error("The trained model could not be saved or run", e);
                result.close();
                finished(run, Outcome.FAILED, "The trained model could not be saved or run: " + TrainingStatus.describe(e));
                return;
            }
            liveModel.replace(result.classifier(), file);
            RunRecord record = new RunRecord(file, result.classifier().metadata());
            postToUi.accept(() -> {
                if (run == active && !shuttingDown) {
                    lastRun.set(record);
                }
            });
            finished(run, Outcome.DONE, TrainingStatus.done(record.metadata(), record.fileName()));
        } catch (TrainingCancelledException e) {
            finished(run, Outcome.CANCELLED, e.getMessage());
        } catch (IOException e) { // the dataset: its message names the file and the problem
            LOG.error("Training failed", e);
            finished(run, Outcome.FAILED, TrainingStatus.describe(e));
        } catch (OutOfMemoryError e) {
            LOG.error("Training failed", e);
            finished(run, Outcome.FAILED, "Out of memory while training (" + e.getMessage()
                    + "). Try a smaller batch size or fewer training images.");
        } catch (Exception | Error e) { // anything: the screen must come back to ready
            LOG.error("Training failed", e);
            finished(run, Outcome.FAILED, TrainingStatus.describe(e));
        } finally {
            run.done.countDown();
        }
    }

    /** From any thread: shows how {@code run} ended once its last events are on screen. */
    private void finished(ActiveRun run, Outcome how, String message) {
        LOG.info("Training run ended: {} ({})", how, message);
        postToUi.accept(() -> {
            if (run != active || shuttingDown) {
                return;
            }
            run.buffer.flush();
            active = null;
            outcome.set(how);
            switch (how) {
                case DONE:
                    progress.set(1);
                    status.set(message);
                    refreshHistory();
                    break;
                case CANCELLED:
                    if (progress.get() < 0) {
                        progress.set(0);
                    }
                    status.set(TrainingStatus.cancelled(message));
                    break;
                case FAILED:
                default:
                    if (progress.get() < 0) {
                        progress.set(0);
                    }
                    status.set(TrainingStatus.failed(message));
                    dialogs.showError("Training failed", message + "\n\nThe live model is unchanged.");
                    break;
            }
            phase.set(Phase.READY);
        });
    }

    // ---------------------------------------------------------------- progress on the UI thread

    private void clearCharts(int epochCount) {
        lossCurve = new LossCurve(MAX_LOSS_POINTS, LOSS_SMOOTHING);
        accuracyCurve = new LossCurve(MAX_LOSS_POINTS, LOSS_SMOOTHING);
        lastEpoch = null;
        runTestImages = 0;
        lastBatch.set(null);
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
        chartEpochs.set(epochCount);
        lossText.set(TrainingStatus.losses(Double.NaN, null));
        accuracyText.set(TrainingStatus.accuracies(null));
    }

    private static void extend(ObservableList<ChartPoint> line, LossCurve.Change change) {
        if (change.reset()) {
            line.setAll(change.points());
        } else if (!change.points().isEmpty()) {
            line.addAll(change.points());
        }
    }

    private void apply(ActiveRun run, TrainingProgressBuffer.Update update) {
        if (run != active || shuttingDown) {
            return; // a late update of a run that has ended
        }
        if (update.start() != null) {
            runTestImages = update.start().testImages();
            if (phase.get() == Phase.LOADING) {
                phase.set(Phase.TRAINING);
                progress.set(0);
                status.set(TrainingStatus.started(update.start().trainImages(), runTestImages));
            }
        }
        if (!update.losses().isEmpty()) {
            List<ChartPoint> batchLosses = new ArrayList<>(update.losses().size());
            List<ChartPoint> batchAccuracies = new ArrayList<>(update.losses().size());
            for (TrainingProgressBuffer.LossPoint point : update.losses()) {
                batchLosses.add(new ChartPoint(point.epoch(), point.loss()));
                batchAccuracies.add(new ChartPoint(point.epoch(), point.accuracy() * 100.0));
            }
            extend(trainLoss, lossCurve.addAll(batchLosses));
            // per batch, so even a one-epoch run shows the network learning
            extend(trainAccuracy, accuracyCurve.addAll(batchAccuracies));
        }
        for (EpochResult epoch : update.epochs()) {
            testAccuracy.add(new ChartPoint(epoch.epoch(), epoch.testAccuracy() * 100));
            testLoss.add(new ChartPoint(epoch.epoch(), epoch.testLoss()));
            lastEpoch = epoch;
        }
        if (update.latest() != null) {
            lastBatch.set(update.latest());
        }
        BatchProgress latest = lastBatch.get();
        if (latest != null && phase.get() == Phase.TRAINING) {
            progress.set(latest.fraction());
            boolean testing = latest.batch() == latest.batchesPerEpoch()
                    && (lastEpoch == null || lastEpoch.epoch() < latest.epoch());
            status.set(testing ? TrainingStatus.testing(latest, runTestImages) : TrainingStatus.batch(latest));
        }
        lossText.set(TrainingStatus.losses(lossCurve.latest(), lastEpoch));
        accuracyText.set(TrainingStatus.accuracies(lastEpoch));
    }

    /** One run: its settings, its progress buffer and the hand-shake between UI and worker. */
    private static final class ActiveRun {
        final TrainingConfig config;
        final CountDownLatch done = new CountDownLatch(1);
        TrainingProgressBuffer buffer;
        private TrainingRun training;
        private boolean cancelled;
        private boolean abandoned;
        private boolean saving;

        ActiveRun(TrainingConfig config) {
            this.config = config;
        }

        /** Cancels the run; {@code abandon} also forbids it to touch the live model (window closing). */
        synchronized void cancel(boolean abandon) {
            abandoned |= abandon;
            if (!saving) {
                cancelled = true;
                if (training != null) {
                    training.cancel();
                }
            }
        }

        /** Connects the training run; false if the run was cancelled while data loaded. */
        synchronized boolean attach(TrainingRun run) {
            training = run;
            return !cancelled;
        }

        /** From here on cancel no longer applies: the model is complete. False if cancelled before. */
        synchronized boolean beginSaving() {
            if (cancelled) {
                return false;
            }
            saving = true;
            return true;
        }

        synchronized boolean mayGoLive() {
            return !abandoned;
        }
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public ObjectProperty<Integer> epochsProperty() {
        return epochs;
    }

    public ObjectProperty<Integer> batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<Double> learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Schedule> scheduleProperty() {
        return schedule;
    }

    public BooleanProperty augmentProperty() {
        return augment;
    }

    /** Training images to use; 0 = all 60,000. */
    public ObjectProperty<Integer> trainImagesProperty() {
        return trainImages;
    }

    /** Test images to use; 0 = all 10,000. */
    public ObjectProperty<Integer> testImagesProperty() {
        return testImages;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Share of the run's batches done; -1 (indeterminate) while data loads. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lossTextProperty() {
        return lossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyTextProperty() {
        return accuracyText.getReadOnlyProperty();
    }

    /** Epochs of the current (or last) run: the charts' x range. */
    public ReadOnlyIntegerProperty chartEpochsProperty() {
        return chartEpochs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchProgress> lastBatchProperty() {
        return lastBatch.getReadOnlyProperty();
    }

    /** The model the last successful run saved and made live. */
    public ReadOnlyObjectProperty<RunRecord> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }

    /** Smoothed, downsampled training loss per batch (x in epochs). */
    public ObservableList<ChartPoint> trainLoss() {
        return trainLossView;
    }

    /** Test-set loss after each epoch. */
    public ObservableList<ChartPoint> testLoss() {
        return testLossView;
    }

    /** Smoothed, downsampled training accuracy (%) per batch (x in epochs). */
    public ObservableList<ChartPoint> trainAccuracy() {
        return trainAccuracyView;
    }

    /** Test accuracy (%) after each epoch. */
    public ObservableList<ChartPoint> testAccuracy() {
        return testAccuracyView;
    }

    /** Saved runs, newest first. */
    public ObservableList<RunRecord> history() {
        return historyView;
    }

    /** Why some of the model folder could not be read; empty when all is well. */
    public ReadOnlyStringProperty historyNoteProperty() {
        return historyNote.getReadOnlyProperty();
    }

    /** True while a saved model is being loaded to go live. */
    public ReadOnlyBooleanProperty swappingProperty() {
        return swapping.getReadOnlyProperty();
    }

    public LiveModel liveModel() {
        return liveModel;
    }

    /** Summary of a saved model for tooltips. */
    static String describe(ModelMetadata metadata) {
        return metadata.summary() + String.format(java.util.Locale.US, "%n%,d training images · %d epochs%s · tested on %,d images",
                metadata.trainImages(), metadata.epochs(), metadata.augmented() ? " · augmented" : "", metadata.testImages());
    }
}
