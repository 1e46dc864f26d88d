package app.digitpad.ui.train;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelMetadata;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.model.TrainingLog;
import app.digitpad.ml.train.BatchProgress;
import app.digitpad.ml.train.Bf16Forward;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingListener;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training run's life: it trains on a worker thread through {@link TrainingRun} (the app's only
 * training loop), its events reach the UI coalesced by a {@link TrainingProgressBuffer} and feed
 * the {@link LiveCurves}; a finished run is saved into the model folder with its log. It goes live
 * if it is at least as accurate as the live model; if it is less accurate the user is shown both
 * figures and chooses, keeping the live model by default. A cancelled or failed run leaves the
 * live model alone. Apart from the worker, everything here is for the UI thread (the thread
 * {@code postToUi} runs tasks on).
 */
public final class TrainingSession {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    /**
     * Progress reaches the screen at most this often (4 times a second). Each update re-lays out and
     * redraws the charts, and while they are new to the JIT compiling that code competes with the two
     * training threads for two cores: a first run after start took 9.4 and 11.2 s at this interval
     * against 13.6 and 18.7 s at 100 ms (Start to live, fresh app each time, docs/performance.md).
     */
    static final java.time.Duration UI_UPDATE_INTERVAL = java.time.Duration.ofMillis(250);
    /** How long closing the window waits for the training thread to stop. */
    static final long SHUTDOWN_WAIT_MILLIS = 3_000;

    /** What the session is doing. */
    public enum Phase { READY, LOADING, TRAINING, CANCELLING, SAVING }

    /** How the last run ended. */
    public enum Outcome { NONE, DONE, CANCELLED, FAILED }

    private final LiveModel liveModel;
    private final Executor worker;
    private final Consumer<Runnable> postToUi;
    private final Dialogs dialogs;
    private final MnistCache mnist;
    private final PenDataCache pen;
    private final ModelStore store;
    private final LiveCurves curves;
    private final Runnable saved;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper started = new ReadOnlyBooleanWrapper(this, "started", false);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Ready. Choose a network and press Start.");
    private final ReadOnlyObjectWrapper<RunRecord> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");

    private ActiveRun active;
    private volatile ActiveRun newest;
    private volatile boolean shuttingDown;
    private int runTestImages;

    /**
     * @param worker runs training
     * @param postToUi runs a task later on the UI thread, in order
     * @param curves where the run's progress goes
     * @param saved called on the UI thread when a run has saved a model
     */
    public TrainingSession(LiveModel liveModel, Executor worker, Consumer<Runnable> postToUi, Dialogs dialogs,
            MnistCache mnist, PenDataCache pen, ModelStore store, LiveCurves curves, Runnable saved) {
        this.pen = Objects.requireNonNull(pen);
        this.liveModel = Objects.requireNonNull(liveModel);
        this.worker = Objects.requireNonNull(worker);
        this.postToUi = Objects.requireNonNull(postToUi);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.mnist = Objects.requireNonNull(mnist);
        this.store = Objects.requireNonNull(store);
        this.curves = Objects.requireNonNull(curves);
        this.saved = Objects.requireNonNull(saved);
        phase.addListener((obs, old, now) -> running.set(now != Phase.READY));
    }

    /**
     * Reads MNIST on the worker ahead of a first run (the Train screen asks when it is built), so
     * Start does not wait for it and its reading code is compiled before a run competes for the
     * cores. A failure is left for the run to report: the cache keeps only what loaded.
     */
    public void preloadData() {
        try {
            worker.execute(() -> {
                try {
                    mnist.train();
                    mnist.test();
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.debug("MNIST not preloaded; a run will say why: {}", e.toString());
                }
            });
        } catch (RuntimeException e) { // a rejected task: the pool is shut down
            LOG.debug("MNIST not preloaded: {}", e.toString());
        }
    }

    /** Starts a run of {@code config}; ignored while one runs. */
    public void start(TrainingConfig config) {
        if (phase.get() != Phase.READY || shuttingDown) {
            return;
        }
        curves.clear(config.epochs());
        ActiveRun run = new ActiveRun(config);
        run.buffer = new TrainingProgressBuffer(postToUi, update -> apply(run, update), UI_UPDATE_INTERVAL);
        active = run;
        newest = run;
        outcome.set(Outcome.NONE);
        started.set(true);
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
            end(run, Outcome.FAILED, TrainingStatus.describe(e));
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

    // ---------------------------------------------------------------- the worker

    /** On the worker thread: load data, train, save; every outcome ends in {@link #end} on the UI thread. */
    private void train(ActiveRun run) {
        TrainingConfig config = run.config;
        try {
            MnistData train = mnist.train();
            MnistData test = mnist.test();
            CurveRecorder recorder = new CurveRecorder();
            PenTrainingSet penData = config.data() == TrainingData.MNIST_PEN ? pen.get() : null;
            TrainingRun training = new TrainingRun(config, train, test, penData, TrainingListener.all(run.buffer, recorder))
                    .leavingOneCoreWhileTraining();
            if (!run.attach(training)) {
                finished(run, Outcome.CANCELLED, "Training cancelled before the first batch.");
                return;
            }
            long loopStart = System.nanoTime();
            TrainingResult result = training.run();
            LOG.info("Training run took {} ms: data load {} ms, {} ({})", (System.nanoTime() - run.startNanos) / 1_000_000,
                    (loopStart - run.startNanos) / 1_000_000, training.profile().summary(), Bf16Forward.describe());
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
            TrainingLog log = recorder.log();
            try {
                file = store.newModelPath(config.architecture().id()).toAbsolutePath();
                ModelFiles.save(result.classifier(), log, file);
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
            RunRecord record = new RunRecord(java.util.Optional.of(file), result.classifier().metadata(),
                    java.util.Optional.of(log));
            postToUi.accept(() -> offer(run, result, record));
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

    /**
     * On the UI thread: the saved model goes live if it is at least as accurate as the live one;
     * otherwise the user sees both figures and chooses, keeping the live model by default. The
     * model is in the history (its file is saved) either way.
     */
    private void offer(ActiveRun run, TrainingResult result, RunRecord record) {
        if (run != active || shuttingDown) {
            result.close();
            return;
        }
        run.buffer.flush();
        lastRun.set(record);
        saved.run();
        ModelMetadata trained = record.metadata();
        LiveModel.Info live = liveModel.getInfo();
        boolean better = live == null || trained.testAccuracy() >= live.metadata().testAccuracy();
        if (!better) {
            LOG.info("The new model is less accurate than the live one ({} against {}): asking which goes live",
                    trained.testAccuracy(), live.metadata().testAccuracy());
        }
        boolean use = better || dialogs.confirm("The new model is less accurate than the live one",
                TrainingStatus.comparison(trained, record.fileName(), live.metadata(), live.source()),
                "Use the new model", "Keep the live model");
        if (shuttingDown) { // the window closed while the question was open
            result.close();
            return;
        }
        if (use) {
            liveModel.replace(result.classifier(), record.file().orElseThrow(), null); // just trained: no reader of its own
            end(run, Outcome.DONE, TrainingStatus.done(trained, record.fileName()));
        } else {
            result.close();
            end(run, Outcome.DONE, TrainingStatus.doneKept(trained, record.fileName(), live.metadata()));
        }
    }

    /** From any thread: shows how {@code run} ended once its last events are on screen. */
    private void finished(ActiveRun run, Outcome how, String message) {
        postToUi.accept(() -> end(run, how, message));
    }

    private void end(ActiveRun run, Outcome how, String message) {
        LOG.info("Training run ended: {} ({})", how, message);
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
    }

    /** On the UI thread: one coalesced update of the run's progress. */
    private void apply(ActiveRun run, TrainingProgressBuffer.Update update) {
        if (run != active || shuttingDown) {
            return; // a late update of a run that has ended
        }
        curves.apply(update);
        if (update.start() != null) {
            runTestImages = update.start().testImages();
            if (phase.get() == Phase.LOADING) {
                phase.set(Phase.TRAINING);
                progress.set(0);
                status.set(TrainingStatus.started(update.start().trainImages(), runTestImages));
            }
        }
        BatchProgress latest = curves.lastBatchProperty().get();
        if (latest != null && phase.get() == Phase.TRAINING) {
            progress.set(latest.fraction());
            boolean testing = latest.batch() == latest.batchesPerEpoch()
                    && (curves.lastEpoch() == null || curves.lastEpoch().epoch() < latest.epoch());
            status.set(testing ? TrainingStatus.testing(latest, runTestImages) : TrainingStatus.batch(latest));
        }
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once a run was started in this session: the live curves then have something to show. */
    public ReadOnlyBooleanProperty startedProperty() {
        return started.getReadOnlyProperty();
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

    /** The run this session saved last (live or not). */
    public ReadOnlyObjectProperty<RunRecord> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }
}
