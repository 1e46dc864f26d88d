package app.digitpad.ui.pad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigitPlacer;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.ui.LiveModel;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pad's recognition logic without a window: the inference "thread" is a queue the test runs
 * by hand, the UI thread is the test thread, the clock is a counter.
 */
class PadViewModelTest {
    private final Queue<Runnable> inference = new ArrayDeque<>();
    private long now;
    private LiveModel liveModel;
    private PadViewModel pad;

    @BeforeEach
    void setUp() {
        liveModel = new LiveModel(Runnable::run);
        pad = new PadViewModel(liveModel, inference::add, Runnable::run, () -> now);
    }

    @AfterEach
    void tearDown() {
        liveModel.close();
    }

    private void runInference() {
        while (!inference.isEmpty()) {
            inference.poll().run();
        }
    }

    private void makeModelLive() throws Exception {
        liveModel.replace(ModelFiles.loadBundled(), null);
        runInference(); // the swap asks for a recognition of whatever is drawn
    }

    private static List<Stroke> sample(int digit) throws Exception {
        try (InputStream in = PadViewModelTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            PenDigit d = PenDigits.read(in, "sample").get(digit);
            return PenDigitPlacer.place(d.strokes(), MnistPreprocessor.PAD_SIZE);
        }
    }

    private void draw(List<Stroke> strokes) {
        for (Stroke stroke : strokes) {
            List<Point> points = stroke.points();
            pad.beginStroke(points.get(0).x(), points.get(0).y());
            for (Point p : points.subList(1, points.size())) {
                now += 5_000_000L; // 5 ms between pointer events
                pad.extendStroke(p.x(), p.y());
            }
            pad.endStroke();
        }
    }

    @Test
    void aRecognitionSaysWhereItsLatencyWent() throws Exception {
        long[] ticks = {0};
        // every reading of this clock is 1 ms after the previous one
        PadViewModel timed = new PadViewModel(liveModel, inference::add, Runnable::run, () -> ticks[0] += 1_000_000L);
        makeModelLive();
        timed.setStrokes(sample(3));
        runInference();
        Recognition r = timed.recognitionProperty().get();
        assertNotNull(r);
        Recognition.Stages stages = r.stages();
        assertEquals(new Recognition.Stages(1_000_000L, 1_000_000L, 1_000_000L, 1_000_000L), stages,
                "event -> inference starts -> normalized -> forward done -> applied, one clock reading each");
        assertEquals(r.latencyNanos(), stages.queuedNanos() + stages.normalizeNanos() + stages.forwardNanos()
                + stages.deliveryNanos());
    }

    @Test
    void anEmptyPadAsksForADigitInsteadOfPredicting() {
        assertTrue(pad.emptyProperty().get());
        assertEquals("Draw a digit", pad.messageProperty().get());
        assertNull(pad.recognitionProperty().get());
        assertTrue(inference.isEmpty(), "nothing to recognize");
    }

    @Test
    void whileTheEngineIsBusyOnlyTheNewestDrawingWaits() throws Exception {
        makeModelLive();
        draw(sample(3));
        assertEquals(1, inference.size(), "requests made while the engine was busy were coalesced into one");
        runInference();
        Recognition r = pad.recognitionProperty().get();
        assertNotNull(r);
        assertEquals(3, r.digit(), "the whole drawing was recognized, not an early part of it");
        double sum = 0;
        for (float p : r.probabilities()) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-4);
        assertEquals(784, r.preview().length);
    }

    @Test
    void aResultForADrawingErasedMeanwhileIsDropped() throws Exception {
        makeModelLive();
        draw(sample(7));
        pad.clear(); // before the engine got to it
        runInference();
        assertNull(pad.recognitionProperty().get());
        assertEquals("Draw a digit", pad.messageProperty().get());
        draw(sample(7));
        pad.undo();
        pad.undo();
        pad.undo();
        runInference();
        assertNull(pad.recognitionProperty().get(), "undo back to empty leaves no stale answer");
    }

    @Test
    void drawingIsThrottledWhileAStrokeGrows() throws Exception {
        makeModelLive();
        pad.beginStroke(100, 100);
        runInference();
        int requests = 0;
        for (int i = 0; i < 100; i++) {
            now += 4_000_000L; // 4 ms apart: 400 ms of drawing
            pad.extendStroke(100 + i, 100 + i);
            requests += inference.size();
            runInference();
        }
        assertTrue(requests >= 8 && requests <= 11, "about one recognition per 40 ms, got " + requests);
    }

    @Test
    void withoutALiveModelThePadSaysItIsLoading() throws Exception {
        draw(sample(0));
        runInference();
        assertEquals("Loading model…", pad.messageProperty().get());
        makeModelLive();
        assertNotNull(pad.recognitionProperty().get(), "a model going live recognizes what is already drawn");
        assertEquals("", pad.messageProperty().get());
        assertFalse(pad.emptyProperty().get());
    }

    @Test
    void withAStrokeReaderTheAnswerJoinsBothReadingsAndKeepsEach() throws Exception {
        makeModelLive();
        pad.setStrokes(sample(2));
        runInference();
        Recognition pictureOnly = pad.recognitionProperty().get();
        assertNull(pictureOnly.path(), "no stroke reader yet");
        assertArrayEquals(pictureOnly.picture(), pictureOnly.probabilities(), "the picture's answer stands alone");
        assertTrue(pictureOnly.readers().isEmpty());

        liveModel.setStrokeReader(StrokeReader.loadBundled());
        pad.recognize();
        runInference();
        Recognition joint = pad.recognitionProperty().get();
        assertNotNull(joint.path());
        assertEquals(11, joint.path().length, "the digits and \"not a digit\"");
        assertArrayEquals(pictureOnly.picture(), joint.picture(), 1e-6f, "the same picture, read the same");
        assertArrayEquals(JointReading.combine(joint.picture(), joint.path()), joint.probabilities(),
                "the bars are the joint reading");
        assertEquals(2, joint.digit());
        assertEquals("Picture and pen path both read 2", joint.readers().orElseThrow());
    }
}
