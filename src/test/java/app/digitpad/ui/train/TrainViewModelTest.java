package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ui.LiveModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view model without JavaFX running: the test thread plays the UI thread (it runs what the
 * model posts), a real worker thread does the work. Only paths that never make a model live.
 */
class TrainViewModelTest {
    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final LiveModel liveModel = new LiveModel();

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    private TrainViewModel model(Path mnistFolder, Path modelFolder) {
        return new TrainViewModel(liveModel, worker, ui::add, dialogs, new MnistCache(MnistSource.directory(mnistFolder)),
                new ModelStore(modelFolder));
    }

    /** Runs posted UI tasks until {@code done} holds. */
    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            Runnable task = ui.poll(100, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
        }
    }

    @Test
    void defaultsComeFromTheTrainingCore() {
        TrainViewModel model = model(dir, dir.resolve("models"));
        model.epochsProperty().set(9);
        model.trainImagesProperty().set(2_000);
        model.resetSettings();
        TrainingConfig config = model.config();
        assertEquals(TrainingConfig.defaults(), config);
        assertEquals(Architecture.FAST_CNN, config.architecture());
        assertEquals(Schedule.ONE_CYCLE, config.schedule());
    }

    @Test
    void anUnreadableDatasetIsReportedAndTheScreenCanTrainAgain() throws Exception {
        Path emptyFolder = Files.createDirectories(dir.resolve("no-mnist"));
        TrainViewModel model = model(emptyFolder, dir.resolve("models"));

        model.start();
        assertEquals(TrainViewModel.Phase.LOADING, model.phaseProperty().get());
        assertTrue(model.runningProperty().get());
        runUiUntil(() -> model.phaseProperty().get() == TrainViewModel.Phase.READY);

        assertEquals(TrainViewModel.Outcome.FAILED, model.outcomeProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Training failed", dialogs.errors.get(0).title());
        String message = dialogs.errors.get(0).message();
        assertTrue(message.contains("no-mnist") && message.contains("does not exist"), message);
        assertTrue(model.statusProperty().get().startsWith("Training failed: "), model.statusProperty().get());
        assertEquals(0, model.progressProperty().get(), "no indeterminate bar left spinning");
        assertNull(liveModel.getInfo());
        assertFalse(Files.exists(dir.resolve("models")), "nothing saved");

        // Usable again: a second start runs (and fails the same way, since the files are still missing).
        model.start();
        assertEquals(TrainViewModel.Phase.LOADING, model.phaseProperty().get());
        runUiUntil(() -> model.phaseProperty().get() == TrainViewModel.Phase.READY);
        assertEquals(2, dialogs.errors.size());
    }

    @Test
    void invalidSettingsAreNamedAndNothingStarts() {
        TrainViewModel model = model(dir, dir.resolve("models"));
        model.learningRateProperty().set(-0.5);
        model.start();
        assertEquals(TrainViewModel.Phase.READY, model.phaseProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).message().contains("learning rate"), dialogs.errors.get(0).message());
    }

    @Test
    void historyListsReadableModelsAndSaysWhichFilesItSkipped() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of("assets/models/digitpad-default.dpmodel"), models.resolve("fast-cnn-20250101-120000.dpmodel"));
        Files.writeString(models.resolve("broken.dpmodel"), "not a model");
        Files.writeString(models.resolve(".fast-cnn-x.dpmodel123.tmp"), "half a save");
        Files.writeString(models.resolve("notes.txt"), "not a model either");
        TrainViewModel model = model(dir, models);

        model.refreshHistory();
        runUiUntil(() -> !model.history().isEmpty());
        assertEquals(1, model.history().size());
        RunRecord run = model.history().get(0);
        assertEquals("fast-cnn-20250101-120000.dpmodel", run.fileName());
        assertEquals(Architecture.FAST_CNN, run.metadata().architecture());
        assertTrue(run.metadata().testAccuracy() > 0.99);
        assertTrue(model.historyNoteProperty().get().contains("broken.dpmodel"), model.historyNoteProperty().get());
        assertFalse(model.isLive(run));
    }

    @Test
    void makingABrokenModelLiveReportsItAndKeepsTheCurrentModel() throws Exception {
        Path broken = Files.writeString(Files.createDirectories(dir.resolve("models")).resolve("broken.dpmodel"), "garbage");
        TrainViewModel model = model(dir, dir.resolve("models"));
        RunRecord record = new RunRecord(broken, app.digitpad.ml.model.ModelFiles.readMetadata(
                Path.of("assets/models/digitpad-default.dpmodel")));
        model.makeLive(record);
        assertTrue(model.swappingProperty().get());
        runUiUntil(() -> !model.swappingProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Could not make the model live", dialogs.errors.get(0).title());
        assertTrue(dialogs.errors.get(0).message().contains("broken.dpmodel"), dialogs.errors.get(0).message());
        assertNull(liveModel.getInfo(), "the live model did not change");
    }
}
