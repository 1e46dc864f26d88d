package app.digitpad.ui.evaluate;

import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ml.eval.ConfusionMatrix;
import app.digitpad.ml.eval.Evaluation;
import app.digitpad.ml.eval.Evaluator;
import app.digitpad.ui.AppServices;
import app.digitpad.ui.PngFiles;
import app.digitpad.ui.Dialogs;
import app.digitpad.ui.LiveModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Evaluate screen's state: evaluates the live model on the MNIST test set on a worker thread,
 * and holds the result, the colour scale, the per-class rows, the selected cell and the page of
 * its images being shown, and the exports.
 *
 * <p>Evaluations are numbered. Starting one (because a new model went live, or on request)
 * supersedes the one running: the older one stops at its next batch, and whatever it still
 * delivers is dropped, so a stale result never overwrites a newer one. While the screen is not on
 * show, a new model only marks the result out of date; it is evaluated when the screen is shown,
 * so evaluation never competes with drawing for the engine.
 *
 * <p>All methods are for the FX thread (or the thread {@code fx} runs on in tests).
 */
public final class EvaluateViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluateViewModel.class);
    /** Images per gallery page. */
    public static final int PAGE_SIZE = 60;

    /** A borrowed model: what classifies, and what to call it. Close to give it back. */
    public interface Borrowed extends AutoCloseable {
        BatchClassifier classifier();

        String description();

        @Override
        void close();
    }

    /** Where the model to evaluate comes from; empty while no model is live. Any thread. */
    @FunctionalInterface
    public interface ModelSource {
        Optional<Borrowed> borrow();
    }

    /** A finished evaluation, with the images it was made on (for the gallery). */
    public record Result(Evaluation evaluation, MnistData images, String model, long nanos) {}

    /** A cell of the matrix: true digit and predicted digit. */
    public record Cell(int actual, int predicted) {}

    /** One row of the per-class table; empty metrics are n/a. The macro-average row has digit {@link #AVERAGE}. */
    public record ClassRow(int digit, OptionalDouble precision, OptionalDouble recall, OptionalDouble f1, int support) {
        public static final int AVERAGE = -1;

        public boolean isAverage() {
            return digit == AVERAGE;
        }

        /** "7", or "Macro avg" for the average row. */
        public String label() {
            return isAverage() ? "Macro avg" : Integer.toString(digit);
        }
    }

    /** One test image shown in the gallery. */
    public record GalleryItem(int index, int label, int prediction, float[] probabilities, float[] pixels) {
        public float confidence() {
            return probabilities[prediction];
        }

        /** The three most probable digits, most probable first. */
        public int[] top3() {
            return TopClasses.top(probabilities, 3);
        }
    }

    private final ModelSource models;
    private final Callable<MnistData> testSet;
    private final Executor background;
    private final Executor fx;
    private final Dialogs dialogs;
    private final EvaluationExports exports;

    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObjectProperty<HeatScale.Mode> scaleMode = new SimpleObjectProperty<>(this, "scaleMode", HeatScale.Mode.LOG);
    private final ReadOnlyObjectWrapper<HeatScale> heat = new ReadOnlyObjectWrapper<>(this, "heat");
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<ClassRow> classRowsView = FXCollections.unmodifiableObservableList(classRows);
    private final ReadOnlyStringWrapper accuracyText = new ReadOnlyStringWrapper(this, "accuracyText", "–");
    private final ReadOnlyStringWrapper lossText = new ReadOnlyStringWrapper(this, "lossText", "–");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(this, "modelText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Cell> selectedCell = new ReadOnlyObjectWrapper<>(this, "selectedCell");
    private final ReadOnlyStringWrapper galleryTitle = new ReadOnlyStringWrapper(this, "galleryTitle", "");
    private final ReadOnlyObjectWrapper<Paging> paging = new ReadOnlyObjectWrapper<>(this, "paging", Paging.first(0, PAGE_SIZE));
    private final ObservableList<GalleryItem> pageItems = FXCollections.observableArrayList();
    private final ObservableList<GalleryItem> pageItemsView = FXCollections.unmodifiableObservableList(pageItems);
    private final ReadOnlyObjectWrapper<GalleryItem> inspected = new ReadOnlyObjectWrapper<>(this, "inspected");
    private final GalleryWhy why;

    private List<Integer> cellIndices = List.of();
    /** Number of the newest evaluation; written on the FX thread, read by workers to see they are stale. */
    private volatile long generation;
    private boolean active;
    private boolean outOfDate = true;

    public EvaluateViewModel(ModelSource models, Callable<MnistData> testSet, Executor background, Executor fx, Dialogs dialogs) {
        this(models, testSet, background, fx, dialogs, GalleryWhy.Explainer.NONE);
    }

    /** @param explainer works out the "why" maps of the inspected image */
    public EvaluateViewModel(ModelSource models, Callable<MnistData> testSet, Executor background, Executor fx, Dialogs dialogs,
            GalleryWhy.Explainer explainer) {
        this.why = new GalleryWhy(explainer, background, fx);
        this.models = models;
        this.testSet = testSet;
        this.background = background;
        this.fx = fx;
        this.dialogs = dialogs;
        this.exports = new EvaluationExports(dialogs, background, fx);
        scaleMode.addListener((obs, old, mode) -> updateHeat());
        inspected.addListener((obs, old, item) -> why.explain(item));
    }

    /** The app's wiring: the live model, the cached MNIST test split, the worker pool. */
    public static EvaluateViewModel forApp(AppServices services) {
        LiveModel live = services.liveModel();
        ModelSource source = () -> live.acquire().map(lease -> new Borrowed() {
            @Override
            public BatchClassifier classifier() {
                return lease.classifier();
            }

            @Override
            public String description() {
                return lease.classifier().metadata().summary();
            }

            @Override
            public void close() {
                lease.close();
            }
        });
        EvaluateViewModel model = new EvaluateViewModel(source, () -> services.mnist().test(),
                services.workers().background(), Platform::runLater, services.dialogs(), GalleryWhy.explainerFor(live));
        live.infoProperty().addListener((obs, old, info) -> {
            if (info != null) {
                model.modelChanged();
            }
        });
        return model;
    }

    // ---- commands ----

    /** The screen was shown or hidden; on show, an out-of-date result is recomputed. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown && outOfDate && !running.get()) {
            evaluate();
        }
    }

    /** A new model went live. */
    public void modelChanged() {
        outOfDate = true;
        if (active) {
            evaluate();
        } else if (running.get()) {
            generation++; // what runs is for the old model: stop it, recompute on show
            running.set(false);
            progress.set(0);
        }
    }

    /** Evaluates the live model now, superseding any evaluation in progress. */
    public void evaluate() {
        long mine = ++generation;
        outOfDate = false;
        running.set(true);
        progress.set(-1);
        failed.set(false);
        message.set(result.get() == null ? "Evaluating the live model on the MNIST test set…"
                : "Evaluating the live model again…");
        background.execute(() -> run(mine));
    }

    /** On a worker thread. */
    private void run(long mine) {
        MnistData test;
        try {
            test = testSet.call();
        } catch (Exception e) {
            LOG.error("Could not read the MNIST test images", e);
            post(mine, () -> fail("Could not read the MNIST test images: " + describe(e)));
            return;
        }
        Optional<Borrowed> borrowed = models.borrow();
        if (borrowed.isEmpty()) {
            LOG.warn("Evaluate: no model is live yet");
            post(mine, () -> fail("No model is live yet, so there is nothing to evaluate. The shipped model loads at "
                    + "start; or open one with File › Open model…, or train one."));
            return;
        }
        try (Borrowed model = borrowed.get()) {
            String description = model.description();
            long start = System.nanoTime();
            Evaluation evaluation = Evaluator.evaluate(model.classifier(), test,
                    fraction -> post(mine, () -> progress.set(fraction)), () -> mine != currentGeneration());
            long nanos = System.nanoTime() - start;
            post(mine, () -> apply(new Result(evaluation, test, description, nanos)));
        } catch (CancellationException e) {
            // superseded by a newer evaluation; it reports for itself
        } catch (Exception | LinkageError e) {
            LOG.error("Evaluating the model failed", e);
            post(mine, () -> fail("Evaluating the model failed: " + describe(e)));
        }
    }

    private long currentGeneration() {
        return generation;
    }

    /** Runs {@code action} on the FX thread unless a newer evaluation has started meanwhile. */
    private void post(long mine, Runnable action) {
        fx.execute(() -> {
            if (mine == generation) {
                action.run();
            }
        });
    }

    private void fail(String text) {
        running.set(false);
        progress.set(0);
        failed.set(true);
        message.set(text);
    }

    private void apply(Result next) {
        running.set(false);
        progress.set(1);
        failed.set(false);
        result.set(next);
        ConfusionMatrix matrix = next.evaluation().matrix();
        accuracyText.set(String.format("%.2f%%", next.evaluation().accuracy() * 100));
        lossText.set(String.format("%.4f", next.evaluation().loss()));
        modelText.set(next.model());
        List<ClassRow> rows = new ArrayList<>();
        for (int d = 0; d < ConfusionMatrix.CLASSES; d++) {
            rows.add(new ClassRow(d, matrix.precision(d), matrix.recall(d), matrix.f1(d), matrix.support(d)));
        }
        rows.add(new ClassRow(ClassRow.AVERAGE, matrix.macroPrecision(), matrix.macroRecall(), matrix.macroF1(), matrix.total()));
        classRows.setAll(rows);
        int errors = matrix.total() - matrix.correct();
        message.set(String.format("%,d MNIST test images in %.1f s · %,d misclassified. Click a cell to see its images.",
                next.evaluation().size(), next.nanos() / 1e9, errors));
        updateHeat();
        Cell cell = selectedCell.get();
        if (cell != null) {
            showCell(cell, 0);
        }
    }

    private void updateHeat() {
        Result r = result.get();
        heat.set(r == null ? null : HeatScale.of(r.evaluation().matrix(), scaleMode.get()));
    }

    /** Shows the images of a cell in the gallery, from its first page. */
    public void select(int actual, int predicted) {
        if (result.get() == null) {
            return;
        }
        showCell(new Cell(actual, predicted), 0);
    }

    private void showCell(Cell cell, int page) {
        Evaluation evaluation = result.get().evaluation();
        selectedCell.set(cell);
        cellIndices = evaluation.indicesIn(cell.actual(), cell.predicted());
        int n = cellIndices.size();
        galleryTitle.set(String.format("True %d → predicted %d: %,d image%s", cell.actual(), cell.predicted(), n,
                n == 1 ? "" : "s"));
        showPage(new Paging(n, PAGE_SIZE, page));
    }

    public void nextPage() {
        if (paging.get().hasNext()) {
            showPage(paging.get().next());
        }
    }

    public void previousPage() {
        if (paging.get().hasPrevious()) {
            showPage(paging.get().previous());
        }
    }

    private void showPage(Paging page) {
        Result r = result.get();
        List<GalleryItem> items = new ArrayList<>(page.to() - page.from());
        for (int i = page.from(); i < page.to(); i++) {
            int index = cellIndices.get(i);
            items.add(new GalleryItem(index, r.evaluation().label(index), r.evaluation().prediction(index),
                    r.evaluation().probabilities(index), r.images().image(index)));
        }
        paging.set(page);
        pageItems.setAll(items);
        inspected.set(items.isEmpty() ? null : items.get(0));
    }

    /** Inspects the image after (or, for {@code step} -1, before) the inspected one on this page. */
    public void inspectStep(int step) {
        int at = pageItems.indexOf(inspected.get());
        int next = at + step;
        if (at >= 0 && next >= 0 && next < pageItems.size()) {
            inspected.set(pageItems.get(next));
        }
    }

    /** Shows an image's details (on hover or selection); {@code null} is ignored. */
    public void inspect(GalleryItem item) {
        if (item != null) {
            inspected.set(item);
        }
    }

    /** Asks where to save, then writes the matrix and per-class metrics as CSV. */
    public void exportCsv() {
        Result r = result.get();
        if (r != null) {
            exports.csv(r);
        }
    }

    /**
     * Asks where to save, then writes the picture {@code render} draws of the result (on the FX
     * thread: it lays out nodes) as PNG.
     */
    public void exportPng(Function<Result, java.awt.image.BufferedImage> render) {
        Result r = result.get();
        if (r != null) {
            exports.png(r, render);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.toString();
    }

    // ---- state ----

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObjectProperty<HeatScale.Mode> scaleModeProperty() {
        return scaleMode;
    }

    public ReadOnlyObjectProperty<HeatScale> heatProperty() {
        return heat.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> classRows() {
        return classRowsView;
    }

    public ReadOnlyStringProperty accuracyTextProperty() {
        return accuracyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lossTextProperty() {
        return lossText.getReadOnlyProperty();
    }

    /** The evaluated model's summary. */
    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the message describes a failure. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction done, -1 while the test set loads. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Cell> selectedCellProperty() {
        return selectedCell.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty galleryTitleProperty() {
        return galleryTitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Paging> pagingProperty() {
        return paging.getReadOnlyProperty();
    }

    /** The images of the selected cell on the current page. */
    public ObservableList<GalleryItem> pageItems() {
        return pageItemsView;
    }

    public ReadOnlyObjectProperty<GalleryItem> inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    /** Why the inspected image got its prediction. */
    public GalleryWhy why() {
        return why;
    }
}
