package app.digitpad.ui.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.inspect.Networks;
import app.digitpad.ml.inspect.Stage;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.net.Architecture;
import app.digitpad.ui.LiveModel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Network view's work, with the real engine, a real worker thread and a UI queue the test runs. */
class NetworkViewModelTest {
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final LiveModel live = new LiveModel(uiQueue::add);
    private final int[] passes = {0};
    private NetworkViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        live.replace(ModelFiles.loadBundled(), null);
        model = new NetworkViewModel(live, task -> {
            passes[0]++;
            worker.execute(task);
        }, uiQueue::add, Runnable::run, null, () -> false, NetworkViewModel.MIN_INTERVAL_NANOS);
        model.traceProperty().addListener((obs, old, t) -> traces++);
        model.whyProperty().addListener((obs, old, w) -> {
            if (w != null) {
                explained++;
            }
        });
        pump(() -> live.getInfo() != null);
    }

    private int traces;
    private int explained;

    @AfterEach
    void tearDown() throws Exception {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        live.close();
    }

    /** Runs UI tasks on this thread until {@code done}, for at most 20 s. */
    private void pump(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Runnable task = uiQueue.poll(10, TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    @Test
    void oneInputGivesTheStructureEveryLayersOutputAndTheWhyMaps() throws Exception {
        float[] image = TestData.test().image(0); // a 7
        model.setActive(true);
        model.setInput(image);
        pump(() -> model.whyProperty().get() != null);
        NetworkStructure structure = model.structureProperty().get();
        assertEquals(Architecture.FAST_CNN, structure.summary().architecture());
        assertEquals(2, structure.stages().stream().filter(s -> s.kind() == Stage.Kind.CONVOLUTION).count());
        assertEquals(32, structure.filters().count());
        assertEquals(structure.summary().layers().size(), model.traceProperty().get().outputs().size());
        try (LiveModel.Lease lease = live.acquire().orElseThrow()) {
            assertArrayEquals(lease.classifier().predict(image), model.traceProperty().get().probabilities(), 1e-5f);
        }
        Why why = model.whyProperty().get();
        assertEquals(7, why.first());
        assertEquals(784, why.firstMap().length);
        assertTrue(why.scale() > 0);
        assertEquals("", model.messageProperty().get());

        model.setInput(null);
        pump(() -> model.traceProperty().get() == null);
        assertNull(model.whyProperty().get(), "an empty pad has nothing to explain");
        assertTrue(model.messageProperty().get().startsWith("Draw a digit"));
    }

    @Test
    void afterASlowRecognitionTheMapsWaitWhileTheLayersGoOn() throws Exception {
        model.setActive(true);
        model.recognized(NetworkViewModel.SLOW_RECOGNITION_NANOS + 1);
        long start = System.nanoTime();
        model.setInput(TestData.test().image(0));
        pump(() -> model.traceProperty().get() != null);
        assertNull(model.whyProperty().get(), "the layers at once, the map not yet");
        pump(() -> model.whyProperty().get() != null);
        long waited = System.nanoTime() - start;
        assertTrue(waited >= NetworkViewModel.BACK_OFF_NANOS - 100_000_000L, "the map came after " + waited / 1e6 + " ms");

        model.recognized(NetworkViewModel.SLOW_RECOGNITION_NANOS - 1); // a fast one changes nothing
        start = System.nanoTime();
        model.setInput(TestData.test().image(1));
        pump(() -> model.whyProperty().get() != null && model.whyProperty().get().first() == 2);
        assertTrue(System.nanoTime() - start < NetworkViewModel.BACK_OFF_NANOS, "no wait after fast recognitions");
    }

    @Test
    void nothingRunsWhileTheViewIsHidden() throws Exception {
        model.setInput(TestData.test().image(0));
        model.setInput(TestData.test().image(1));
        Thread.sleep(300);
        assertEquals(0, passes[0], "no work submitted while hidden");
        model.setActive(true);
        pump(() -> model.whyProperty().get() != null);
        assertEquals(2, model.whyProperty().get().first(), "the newest input is the one shown (test image 1 is a 2)");
    }

    @Test
    void whileDrawingTheLayersUpdateAtMostAboutTenTimesASecondAndTheMapsFourAndTheLastDrawingIsExplained() throws Exception {
        model.setActive(true);
        long start = System.nanoTime();
        float[][] last = new float[1][];
        for (int i = 0; i < 200; i++) { // 200 inputs over about a second, as a fast pen gives
            float[] image = TestData.test().image(i);
            last[0] = image;
            uiQueue.add(() -> model.setInput(image));
            Thread.sleep(5);
            while (!uiQueue.isEmpty()) {
                uiQueue.poll().run();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int tracesWhileDrawing = traces;
        int mapsWhileDrawing = explained;
        pump(() -> model.whyProperty().get() != null && model.whyProperty().get().image() == last[0]);
        assertTrue(tracesWhileDrawing >= 3, "it did update: " + tracesWhileDrawing);
        assertTrue(tracesWhileDrawing <= seconds * 10 + 2, tracesWhileDrawing + " layer walks in " + seconds + " s");
        assertTrue(mapsWhileDrawing <= seconds * 4 + 2, mapsWhileDrawing + " saliency maps in " + seconds + " s");
        assertTrue(model.traceProperty().get().image() == last[0] || java.util.Arrays.equals(model.traceProperty().get().image(),
                last[0]), "the layers show the last drawing");
    }

    @Test
    void aNewLiveModelRebuildsTheStructureForItsOwnLayers() throws Exception {
        float[] image = TestData.test().image(0);
        model.setActive(true);
        model.setInput(image);
        pump(() -> model.whyProperty().get() != null);
        DigitClassifier mlp = Networks.oneBatch(Architecture.MLP);
        live.replace(mlp, null);
        model.modelChanged();
        pump(() -> model.structureProperty().get().summary().architecture() == Architecture.MLP
                && model.whyProperty().get() != null);
        NetworkStructure structure = model.structureProperty().get();
        assertEquals(0, structure.stages().stream().filter(s -> s.kind() == Stage.Kind.CONVOLUTION).count());
        assertEquals(256, structure.filters().count(), "the mlp's first dense units as 28x28 pictures");
        assertEquals(structure.summary().layers().size(), model.traceProperty().get().outputs().size());
        assertNotNull(model.whyProperty().get());
    }
}
