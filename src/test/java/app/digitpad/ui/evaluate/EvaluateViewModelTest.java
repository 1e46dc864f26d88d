package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.DatasetException;
import app.digitpad.ml.data.MnistData;
import app.digitpad.ml.eval.BatchClassifier;
import app.digitpad.ui.TestDialogs;
import app.digitpad.ui.evaluate.EvaluateViewModel.Borrowed;
import app.digitpad.ui.evaluate.EvaluateViewModel.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view model without a window: worker tasks are queued and run by the test in any order, and
 * results are applied on the calling thread, so races such as a model swapped mid-evaluation are
 * replayed deterministically.
 */
class EvaluateViewModelTest {
    @TempDir
    Path dir;

    private final Deque<Runnable> worker = new ArrayDeque<>();
    private final TestDialogs dialogs = new TestDialogs();
    private final AtomicReference<Borrowed> live = new AtomicReference<>();
    private final AtomicInteger leasesOut = new AtomicInteger();

    /** 130 images of digit 1, 3 of digit 2, 1 of digit 7 (labels only; the pixels are blank). */
    private final MnistData test = data();

    private static MnistData data() {
        byte[] labels = new byte[134];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i < 130 ? 1 : i < 133 ? 2 : 7);
        }
        return new MnistData(new byte[labels.length * MnistData.PIXELS], labels, "");
    }

    private EvaluateViewModel model(Callable<MnistData> testSet) {
        return new EvaluateViewModel(() -> Optional.ofNullable(live.get()).map(this::lease), testSet, worker::add,
                Runnable::run, dialogs);
    }

    private Borrowed lease(Borrowed model) {
        leasesOut.incrementAndGet();
        return new Borrowed() {
            @Override
            public BatchClassifier classifier() {
                return model.classifier();
            }

            @Override
            public String description() {
                return model.description();
            }

            @Override
            public void close() {
                leasesOut.decrementAndGet();
            }
        };
    }

    /** A model that answers {@code answer.apply(label)} with probability 0.9 and 0.1 for the next digit. */
    private Borrowed model(String name, java.util.function.IntUnaryOperator answer, Runnable onCall) {
        BatchClassifier classifier = (images, count) -> {
            onCall.run();
            float[][] rows = new float[count][10];
            // the test knows the order: the Evaluator classifies images 0.. in order, in one batch here
            for (int i = 0; i < count; i++) {
                int predicted = answer.applyAsInt(test.label(i));
                rows[i][predicted] = 0.9f;
                rows[i][(predicted + 1) % 10] = 0.1f;
            }
            return rows;
        };
        return new Borrowed() {
            @Override
            public BatchClassifier classifier() {
                return classifier;
            }

            @Override
            public String description() {
                return name;
            }

            @Override
            public void close() {}
        };
    }

    private void runWorker() {
        while (!worker.isEmpty()) {
            worker.poll().run();
        }
    }

    /** Model A: right except digit 2, taken for 1. Model B: right except 7, taken for 9, and 2, never predicted. */
    private Borrowed modelA(Runnable onCall) {
        return model("A", label -> label == 2 ? 1 : label, onCall);
    }

    private Borrowed modelB() {
        return model("B", label -> label == 7 ? 9 : label == 2 ? 3 : label, () -> {});
    }

    @Test
    void evaluatesOnlyWhenShownAndShowsAccuracyLossAndRows() {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.modelChanged();
        assertTrue(worker.isEmpty(), "nothing runs while the screen is hidden");
        vm.setActive(true);
        assertTrue(vm.runningProperty().get());
        assertEquals(-1, vm.progressProperty().get(), "indeterminate while the test set loads");
        runWorker();
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        Result result = vm.resultProperty().get();
        assertEquals("A", result.model());
        assertEquals(131 / 134.0, result.evaluation().accuracy(), 1e-12);
        assertEquals(String.format("%.2f%%", 100 * 131 / 134.0), vm.accuracyTextProperty().get());
        assertEquals(String.format("%.4f", result.evaluation().loss()), vm.lossTextProperty().get());
        assertEquals(11, vm.classRows().size(), "ten digits and their macro average");
        EvaluateViewModel.ClassRow average = vm.classRows().get(10);
        assertTrue(average.isAverage());
        assertEquals("Macro avg", average.label());
        assertEquals(134, average.support(), "all images");
        assertEquals(result.evaluation().matrix().macroRecall().getAsDouble(), average.recall().getAsDouble(), 1e-12);
        assertEquals(130 / 133.0, vm.classRows().get(1).precision().getAsDouble(), 1e-12);
        assertTrue(vm.classRows().get(2).precision().isEmpty(), "2 is never predicted: n/a");
        assertEquals(0.0, vm.classRows().get(2).recall().getAsDouble());
        assertEquals(3, vm.classRows().get(2).support());
        assertTrue(vm.messageProperty().get().contains("3 misclassified"), vm.messageProperty().get());
        assertFalse(vm.failedProperty().get());
        assertEquals(0, leasesOut.get(), "the model is given back");
        assertEquals(3, vm.heatProperty().get().count(2, 1));
        vm.setActive(false);
        vm.setActive(true);
        assertTrue(worker.isEmpty(), "an up-to-date result is not recomputed on every show");
    }

    @Test
    void aResultForAModelSwappedOutMidEvaluationNeverOverwritesTheNewerOne() {
        EvaluateViewModel vm = model(() -> test);
        List<String> shown = new ArrayList<>();
        vm.resultProperty().addListener((obs, old, r) -> shown.add(r.model()));
        vm.setActive(true);
        // Model A goes live; while A classifies, model B goes live (as after training or File > Open).
        Borrowed b = modelB();
        live.set(modelA(() -> {
            live.set(b);
            vm.modelChanged();
        }));
        vm.modelChanged();
        worker.poll().run(); // A's evaluation: finishes its only batch, but B has started meanwhile
        assertEquals(List.of(), shown, "A's result was dropped");
        assertTrue(vm.runningProperty().get(), "B is still running");
        runWorker();
        assertEquals(List.of("B"), shown);
        assertEquals(0, leasesOut.get());
    }

    @Test
    void anOlderEvaluationFinishingLastIsDiscardedToo() {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.setActive(true);
        Runnable first = worker.poll();
        assertTrue(worker.isEmpty());
        live.set(modelB());
        vm.modelChanged();
        worker.poll().run(); // B first
        assertEquals("B", vm.resultProperty().get().model());
        first.run(); // then the superseded one: it stops before its first batch and reports nothing
        assertEquals("B", vm.resultProperty().get().model());
        assertEquals(1, vm.resultProperty().get().evaluation().matrix().count(7, 9));
        assertEquals(0, leasesOut.get());
    }

    @Test
    void noModelLiveSaysSo() {
        EvaluateViewModel vm = model(() -> test);
        vm.setActive(true);
        runWorker();
        assertTrue(vm.failedProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("No model is live"), vm.messageProperty().get());
        assertNull(vm.resultProperty().get());
    }

    @Test
    void unreadableMnistSaysWhichFile() {
        EvaluateViewModel vm = model(() -> {
            throw new DatasetException("t10k-images-idx3-ubyte.gz is truncated");
        });
        live.set(modelA(() -> {}));
        vm.setActive(true);
        runWorker();
        assertTrue(vm.failedProperty().get());
        assertEquals("Could not read the MNIST test images: t10k-images-idx3-ubyte.gz is truncated",
                vm.messageProperty().get());
        // fixed files: evaluating again works and clears the error
    }

    @Test
    void aFailingModelSaysSoAndAnotherTryCanSucceed() {
        EvaluateViewModel vm = model(() -> test);
        AtomicInteger calls = new AtomicInteger();
        live.set(modelA(() -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("shape mismatch: expected [N, 1, 28, 28]");
            }
        }));
        vm.setActive(true);
        runWorker();
        assertTrue(vm.failedProperty().get());
        assertEquals("Evaluating the model failed: shape mismatch: expected [N, 1, 28, 28]", vm.messageProperty().get());
        assertEquals(0, leasesOut.get(), "given back after a failure too");
        vm.evaluate();
        runWorker();
        assertFalse(vm.failedProperty().get());
        assertEquals("A", vm.resultProperty().get().model());
    }

    @Test
    void theGalleryShowsExactlyTheCellsImagesPageByPage() {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.setActive(true);
        runWorker();
        vm.select(2, 1);
        assertEquals("True 2 → predicted 1: 3 images", vm.galleryTitleProperty().get());
        assertEquals(List.of(130, 131, 132), vm.pageItems().stream().map(EvaluateViewModel.GalleryItem::index).toList());
        assertEquals(1, vm.pageItems().get(0).prediction());
        assertEquals(0.9f, vm.pageItems().get(0).confidence());
        assertEquals(2, vm.pageItems().get(0).top3()[1]);
        assertEquals(vm.pageItems().get(0), vm.inspectedProperty().get());

        vm.select(1, 1);
        assertEquals("True 1 → predicted 1: 130 images", vm.galleryTitleProperty().get());
        assertEquals(60, vm.pageItems().size());
        assertEquals("1–60 of 130", vm.pagingProperty().get().label());
        vm.nextPage();
        vm.nextPage();
        assertEquals(10, vm.pageItems().size());
        assertEquals(120, vm.pageItems().get(0).index());
        vm.nextPage();
        assertEquals("121–130 of 130", vm.pagingProperty().get().label());
        vm.previousPage();
        assertEquals(60, vm.pageItems().get(0).index());

        vm.select(3, 8);
        assertEquals("True 3 → predicted 8: 0 images", vm.galleryTitleProperty().get());
        assertTrue(vm.pageItems().isEmpty());
        assertNull(vm.inspectedProperty().get());
    }

    @Test
    void aNewResultRefreshesTheSelectedCell() {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.setActive(true);
        runWorker();
        vm.select(2, 1);
        assertEquals(3, vm.pageItems().size());
        live.set(modelB());
        vm.modelChanged();
        runWorker();
        assertEquals("True 2 → predicted 1: 0 images", vm.galleryTitleProperty().get());
        assertTrue(vm.pageItems().isEmpty());
    }

    @Test
    void theScaleToggleRecomputesColours() {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.setActive(true);
        runWorker();
        assertEquals(HeatScale.Mode.LOG, vm.heatProperty().get().mode());
        vm.scaleModeProperty().set(HeatScale.Mode.ROW);
        assertEquals(HeatScale.Mode.ROW, vm.heatProperty().get().mode());
        assertEquals(1.0, vm.heatProperty().get().rowShare(2, 1), 1e-12);
    }

    @Test
    void exportCsvWritesWhereTheUserChose() throws Exception {
        EvaluateViewModel vm = model(() -> test);
        live.set(modelA(() -> {}));
        vm.setActive(true);
        runWorker();
        Path target = dir.resolve("eval.csv");
        dialogs.saveAnswers.put(".csv", target);
        vm.exportCsv();
        runWorker();
        String csv = Files.readString(target);
        assertTrue(csv.startsWith("model,A\nimages,134\n"), csv);
        assertTrue(csv.contains("\n2,0,3,0,0,0,0,0,0,0,0\n"), csv);
        assertTrue(csv.contains("\n2,n/a,0.000000,n/a,3\n"), csv);
        assertEquals(List.of("Saved " + target.toAbsolutePath()), dialogs.notices, "the notice names the full path");

        dialogs.saveAnswers.put(".csv", dir.resolve("missing-dir-is-a-file"));
        Files.writeString(dir.resolve("missing-dir-is-a-file"), "x");
        dialogs.saveAnswers.put(".csv", dir.resolve("missing-dir-is-a-file").resolve("eval.csv"));
        vm.exportCsv();
        runWorker();
        assertEquals(1, dialogs.errors.size(), "a write that fails is reported: " + dialogs.errors);
    }
}
