package app.digitpad.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.TrainingData;
import app.digitpad.ml.data.MnistCache;
import app.digitpad.ml.data.PenDataCache;
import app.digitpad.ml.data.MnistSource;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.ModelStore;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ml.train.CurveRecorder;
import app.digitpad.ml.train.Schedule;
import app.digitpad.ml.train.TrainingConfig;
import app.digitpad.ml.train.TrainingResult;
import app.digitpad.ml.train.TrainingRun;
import app.digitpad.ml.TestData;
import app.digitpad.ui.LiveModel;
import app.digitpad.ui.TestDialogs;
import app.digitpad.ui.settings.Settings;
import app.digitpad.ui.settings.SettingsKeeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Train screen's view model without JavaFX running: the test thread plays the UI thread (it
 * runs what the model posts), a real worker thread does the work.
 */
class TrainViewModelTest {
    @TempDir
    Path dir;

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final TestDialogs dialogs = new TestDialogs();
    /** Property changes run on the calling thread: the test thread is the UI thread here. */
    private final LiveModel liveModel = new LiveModel(Runnable::run);
    private final SettingsKeeper kept = SettingsKeeper.inMemory(Settings.defaults());

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
        liveModel.close();
    }

    private TrainViewModel model(Path mnistFolder, Path modelFolder) {
        return new TrainViewModel(liveModel, worker, ui::add, dialogs, new MnistCache(MnistSource.directory(mnistFolder)), new PenDataCache(),
                new ModelStore(modelFolder), kept);
    }

    private TrainViewModel modelOnBundledMnist(Path modelFolder) {
        return new TrainViewModel(liveModel, worker, ui::add, dialogs, new MnistCache(MnistSource.bundled()), new PenDataCache(),
                new ModelStore(modelFolder), kept);
    }

    /** Runs posted UI tasks until {@code done} holds. */
    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
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

    /** A tiny run's settings: 2,000 training images, 500 test images, one epoch (a model around 80-90%). */
    private static void tiny(TrainSettings form) {
        form.trainImagesProperty().set(2_000);
        form.testImagesProperty().set(500);
    }

    /** A copy of a model file without its training log, as files from before logs existed are. */
    private static void withoutLog(Path source, Path target) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(source));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (!entry.getName().equals("training.json")) {
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
        }
    }

    /** A saved model with a training log, as a run saves it. */
    private static Path trainedModelFile(Path folder, String name) throws Exception {
        Files.createDirectories(folder);
        TrainingConfig config = new TrainingConfig(Architecture.LENET5, 1, 64, 0.003f, Schedule.CONSTANT, 3, 640, 200, false,
                TrainingData.MNIST);
        CurveRecorder curves = new CurveRecorder();
        Path file = folder.resolve(name);
        try (TrainingResult result = new TrainingRun(config, TestData.train(), TestData.test(), curves).run()) {
            ModelFiles.save(result.classifier(), curves.log(), file);
        }
        return file;
    }

    // ---------------------------------------------------------------- the settings form

    @Test
    void defaultsComeFromTheTrainingCore() {
        TrainViewModel model = model(dir, dir.resolve("models"));
        model.settings().epochsProperty().set(9);
        model.settings().trainImagesProperty().set(2_000);
        model.settings().reset();
        TrainingConfig config = model.settings().config();
        assertEquals(TrainingConfig.defaults(), config);
        assertEquals(Architecture.FAST_CNN, config.architecture());
        assertEquals(Schedule.ONE_CYCLE, config.schedule());
    }

    @Test
    void theFormIsKeptAndComesBackInTheNextSession() {
        TrainViewModel first = model(dir, dir.resolve("models"));
        first.settings().architectureProperty().set(Architecture.LENET5);
        first.settings().epochsProperty().set(7);
        first.settings().learningRateProperty().set(0.004);
        first.settings().augmentProperty().set(true);
        first.settings().testImagesProperty().set(1_000);
        Settings.TrainForm form = kept.get().train();
        assertEquals(new Settings.TrainForm("lenet5", 7, TrainingConfig.defaults().batchSize(), 0.004, "one-cycle", true, 0, 1_000,
                "mnist"), form);

        TrainViewModel next = model(dir, dir.resolve("models"));
        assertEquals(Architecture.LENET5, next.settings().architectureProperty().get());
        assertEquals(7, next.settings().epochsProperty().get());
        assertEquals(0.004, next.settings().learningRateProperty().get());
        assertTrue(next.settings().augmentProperty().get());
        assertEquals(1_000, next.settings().testImagesProperty().get());
    }

    @Test
    void keptValuesThisVersionWouldRejectFallBackToTheirDefaultOneByOne() {
        TrainSettings form = new TrainSettings();
        form.apply(new Settings.TrainForm("resnet-9000", -3, 64, 55.0, "warp-speed", true, 70_000, 500, "mnist+everything"));
        TrainingConfig defaults = TrainingConfig.defaults();
        assertEquals(defaults.architecture(), form.architectureProperty().get());
        assertEquals(defaults.epochs(), form.epochsProperty().get());
        assertEquals(64, form.batchSizeProperty().get(), "a good value next to bad ones is kept");
        assertEquals(defaults.learningRate(), form.learningRateProperty().get(), 1e-9);
        assertEquals(defaults.schedule(), form.scheduleProperty().get());
        assertEquals(0, form.trainImagesProperty().get());
        assertEquals(500, form.testImagesProperty().get());
    }

    @Test
    void invalidSettingsAreNamedAndNothingStarts() {
        TrainViewModel model = model(dir, dir.resolve("models"));
        model.settings().learningRateProperty().set(-0.5);
        model.start();
        assertEquals(TrainingSession.Phase.READY, model.session().phaseProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).message().contains("learning rate"), dialogs.errors.get(0).message());
    }

    // ---------------------------------------------------------------- a run's life

    @Test
    void anUnreadableDatasetIsReportedAndTheScreenCanTrainAgain() throws Exception {
        Path emptyFolder = Files.createDirectories(dir.resolve("no-mnist"));
        TrainViewModel model = model(emptyFolder, dir.resolve("models"));
        TrainingSession session = model.session();

        model.start();
        assertEquals(TrainingSession.Phase.LOADING, session.phaseProperty().get());
        assertTrue(session.runningProperty().get());
        runUiUntil(() -> session.phaseProperty().get() == TrainingSession.Phase.READY);

        assertEquals(TrainingSession.Outcome.FAILED, session.outcomeProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Training failed", dialogs.errors.get(0).title());
        String message = dialogs.errors.get(0).message();
        assertTrue(message.contains("no-mnist") && message.contains("does not exist"), message);
        assertTrue(session.statusProperty().get().startsWith("Training failed: "), session.statusProperty().get());
        assertEquals(0, session.progressProperty().get(), "no indeterminate bar left spinning");
        assertNull(liveModel.getInfo());
        assertFalse(Files.exists(dir.resolve("models")), "nothing saved");

        // Usable again: a second start runs (and fails the same way, since the files are still missing).
        model.start();
        assertEquals(TrainingSession.Phase.LOADING, session.phaseProperty().get());
        runUiUntil(() -> session.phaseProperty().get() == TrainingSession.Phase.READY);
        assertEquals(2, dialogs.errors.size());
    }

    @Test
    void aRunLessAccurateThanTheLiveModelDoesNotReplaceItUnlessTheUserSaysSo() throws Exception {
        DigitClassifier shipped = ModelFiles.loadBundled();
        String live = TrainingStatus.percent(shipped.metadata().testAccuracy());
        liveModel.replace(shipped, null);
        LiveModel.Info bundled = liveModel.getInfo();
        Path models = dir.resolve("models");
        TrainViewModel model = modelOnBundledMnist(models);
        TrainingSession session = model.session();
        tiny(model.settings());

        dialogs.answer = false; // what Enter, Esc or closing the question does
        model.start();
        runUiUntil(() -> session.outcomeProperty().get() != TrainingSession.Outcome.NONE);
        assertEquals(TrainingSession.Outcome.DONE, session.outcomeProperty().get(), session.statusProperty().get());
        assertEquals(1, dialogs.questions.size());
        TestDialogs.Question question = dialogs.questions.get(0);
        assertEquals("Keep the live model", question.no(), "keeping the better model is the default answer");
        RunRecord saved = session.lastRunProperty().get();
        double trained = saved.metadata().testAccuracy();
        assertTrue(trained < bundled.metadata().testAccuracy(), "a 2,000-image run: " + trained);
        assertTrue(question.message().contains(TrainingStatus.percent(trained)) && question.message().contains(live),
                "both figures are shown: " + question.message());
        assertSame(bundled, liveModel.getInfo(), "the live model stays");
        assertTrue(session.statusProperty().get().contains("the live model (" + live + ") was kept"), session.statusProperty().get());
        assertTrue(Files.isRegularFile(saved.file().orElseThrow()), "the new model is saved all the same");
        assertTrue(saved.log().isPresent(), "with its settings and curves");

        dialogs.answer = true;
        model.start();
        runUiUntil(() -> session.outcomeProperty().get() == TrainingSession.Outcome.DONE && dialogs.questions.size() == 2
                && !session.runningProperty().get());
        assertEquals(session.lastRunProperty().get().file(), liveModel.getInfo().file(), "the user chose the new model");
        assertTrue(session.statusProperty().get().endsWith("now live"), session.statusProperty().get());
    }

    @Test
    void aRunGoesLiveWithoutAQuestionWhenItIsAtLeastAsAccurate() throws Exception {
        Path models = dir.resolve("models");
        TrainViewModel model = modelOnBundledMnist(models);
        tiny(model.settings());
        model.start(); // no model live yet: anything beats nothing
        runUiUntil(() -> model.session().outcomeProperty().get() == TrainingSession.Outcome.DONE);
        assertEquals(List.of(), dialogs.questions);
        assertEquals(model.session().lastRunProperty().get().file(), liveModel.getInfo().file());
        // the live run is on the charts, its curves as long as the stored ones
        assertEquals(1, model.shown().size());
        CurveSet live = model.shown().get(0);
        assertEquals(TrainViewModel.LIVE_RUN_NAME, live.name());
        assertEquals(2_000 / TrainingConfig.defaults().batchSize(), live.trainLoss().size());
        assertEquals(model.session().lastRunProperty().get().log().orElseThrow().trainLoss().size(), live.trainLoss().size());
    }

    // ---------------------------------------------------------------- the history

    @Test
    void historyListsReadableModelsAndTheBundledOneAndSaysWhichFilesItSkipped() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(Path.of("assets/models/digitpad-default.dpmodel"), models.resolve("fast-cnn-20250101-120000.dpmodel"));
        Files.writeString(models.resolve("broken.dpmodel"), "not a model");
        Files.writeString(models.resolve(".fast-cnn-x.dpmodel123.tmp"), "half a save");
        Files.writeString(models.resolve("notes.txt"), "not a model either");
        TrainViewModel model = model(dir, models);
        RunHistoryModel history = model.history();

        history.refresh();
        runUiUntil(() -> !history.runs().isEmpty());
        assertEquals(2, history.runs().size(), history.runs().toString());
        RunRecord copy = history.runs().stream().filter(r -> !r.isBundled()).findFirst().orElseThrow();
        assertEquals("fast-cnn-20250101-120000.dpmodel", copy.fileName());
        assertEquals(Architecture.FAST_CNN, copy.metadata().architecture());
        assertTrue(copy.metadata().testAccuracy() > 0.99);
        RunRecord bundled = history.runs().stream().filter(RunRecord::isBundled).findFirst().orElseThrow();
        assertEquals(copy.metadata(), bundled.metadata(), "the bundled model is listed too");
        assertTrue(history.noteProperty().get().contains("broken.dpmodel"), history.noteProperty().get());
        assertFalse(history.isLive(copy));
        assertFalse(history.canDelete(bundled), "the bundled model cannot be deleted");
    }

    @Test
    void makingABrokenModelLiveReportsItAndKeepsTheCurrentModel() throws Exception {
        Path broken = Files.writeString(Files.createDirectories(dir.resolve("models")).resolve("broken.dpmodel"), "garbage");
        TrainViewModel model = model(dir, dir.resolve("models"));
        RunRecord record = RunRecord.saved(broken, ModelFiles.describe(Path.of("assets/models/digitpad-default.dpmodel")));
        model.history().makeLive(record);
        assertTrue(model.history().swappingProperty().get());
        runUiUntil(() -> !model.history().swappingProperty().get());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Could not make the model live", dialogs.errors.get(0).title());
        assertTrue(dialogs.errors.get(0).message().contains("broken.dpmodel"), dialogs.errors.get(0).message());
        assertNull(liveModel.getInfo(), "the live model did not change");
    }

    @Test
    void aRunIsDeletedOnlyAfterTheUserConfirmsAndNeverTheLiveOne() throws Exception {
        Path models = dir.resolve("models");
        Path a = trainedModelFile(models, "lenet5-a.dpmodel");
        Path b = Files.copy(a, models.resolve("lenet5-b.dpmodel"));
        TrainViewModel model = model(dir, models);
        RunHistoryModel history = model.history();
        history.refresh();
        runUiUntil(() -> history.runs().size() == 3);
        RunRecord runA = history.find(java.util.Optional.of(a)).orElseThrow();

        dialogs.answer = false;
        history.delete(runA);
        assertEquals(1, dialogs.questions.size());
        assertTrue(dialogs.questions.get(0).message().contains(a.toString()), "the question names the file");
        assertTrue(Files.exists(a), "Cancel deletes nothing");

        dialogs.answer = true;
        history.delete(runA);
        runUiUntil(() -> history.runs().size() == 2);
        assertFalse(Files.exists(a));

        liveModel.replace(ModelFiles.load(b), b);
        RunRecord runB = history.find(java.util.Optional.of(b)).orElseThrow();
        assertFalse(history.canDelete(runB), "the live model's file stays");
        history.delete(runB);
        assertEquals(2, dialogs.questions.size(), "not even asked");
        assertTrue(Files.exists(b));
    }

    @Test
    void selectedRunsAreShownFromTheirStoredCurvesAndOneWithoutCurvesIsNamed() throws Exception {
        Path models = dir.resolve("models");
        Path a = trainedModelFile(models, "lenet5-a.dpmodel");
        Files.copy(a, models.resolve("lenet5-b.dpmodel"));
        withoutLog(a, models.resolve("lenet5-c.dpmodel"));
        TrainViewModel model = model(dir, models);
        RunHistoryModel history = model.history();
        history.refresh();
        runUiUntil(() -> history.runs().size() == 4);
        assertEquals(List.of(), model.shown(), "nothing selected, nothing trained: empty charts");

        List<RunRecord> saved = history.runs().stream().filter(r -> !r.isBundled() && r.log().isPresent()
                && !r.file().orElseThrow().endsWith("lenet5-c.dpmodel")).toList();
        history.compare(saved);
        assertEquals(2, model.shown().size(), "two runs overlaid");
        CurveSet first = model.shown().get(0);
        assertEquals(640 / 64, first.trainLoss().size());
        assertEquals(1, first.testAccuracy().size());
        assertEquals(saved.get(0).metadata().testAccuracy() * 100, first.testAccuracy().get(0).y(), 1e-3, "in percent");
        assertEquals("", model.chartNoteProperty().get());

        RunRecord noLog = history.runs().stream().filter(r -> r.file().map(f -> f.endsWith("lenet5-c.dpmodel")).orElse(false))
                .findFirst().orElseThrow();
        history.compare(List.of(saved.get(0), noLog));
        assertEquals(1, model.shown().size());
        assertTrue(model.chartNoteProperty().get().contains("No curves were saved with"), model.chartNoteProperty().get());

        // A refresh keeps the comparison (as the new records); a deleted run drops out of it.
        history.compare(saved);
        Files.delete(saved.get(1).file().orElseThrow());
        history.refresh();
        runUiUntil(() -> history.runs().size() == 3);
        assertEquals(1, history.compared().size());
        assertNotNull(history.compared().get(0).log().orElse(null));
    }
}
