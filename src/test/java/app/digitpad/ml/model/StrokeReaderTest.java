package app.digitpad.ml.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.net.StrokeNet;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import app.digitpad.preprocess.StrokePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stroke reader files: saved and read back alike, and damaged ones refused with a message naming the file. */
class StrokeReaderTest {
    private static final List<List<Stroke>> DRAWINGS = List.of(
            List.of(new Stroke(List.of(new Point(10, 10), new Point(60, 10), new Point(30, 90)))),
            List.of(new Stroke(List.of(new Point(40, 5), new Point(40, 95))), new Stroke(List.of(new Point(20, 20)))));

    @TempDir
    Path dir;

    @Test
    void aSavedReaderReadsAsBefore() throws Exception {
        Path file = dir.resolve("r" + StrokeReader.EXTENSION);
        float[][] before;
        try (StrokeReader reader = StrokeReader.untrained()) {
            before = reader.probabilities(DRAWINGS);
            reader.save(file);
        }
        try (StrokeReader loaded = StrokeReader.load(file)) {
            float[][] after = loaded.probabilities(DRAWINGS);
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i], 1e-6f);
            }
        }
        try (Stream files = new Stream(dir)) {
            assertEquals(List.of(file), files.list, "no temporary file left behind");
        }
    }

    @Test
    void theBundledReaderLoadsAndAnswersTenDigitsAndNotADigit() throws Exception {
        try (StrokeReader reader = StrokeReader.loadBundled()) {
            assertEquals(StrokeNet.CLASSES, reader.classes());
            float[][] rows = reader.probabilities(DRAWINGS);
            assertEquals(2, rows.length);
            assertEquals(11, rows[0].length);
            assertEquals(1, sum(rows[0]), 1e-5);
        }
    }

    /** A 1 whose pen landed a little up its line and curled down and round before running up the stem. */
    private static final List<Stroke> CURLED_ONE = List.of(new Stroke(List.of(new Point(50, 96), new Point(51, 98),
            new Point(52, 100), new Point(50, 100), new Point(50, 99), new Point(50, 97), new Point(50, 60), new Point(50, 20),
            new Point(50, 0))));

    @Test
    void newReadersReadThePathWithoutThePensHooksAndEarlierOnesAsTheyLearnt() throws Exception {
        assertFalse(Arrays.equals(StrokePath.of(CURLED_ONE), StrokePath.asDrawn(CURLED_ONE)), "the curl is a hook");
        float[] path = new float[StrokePath.LENGTH];
        try (StrokeReader reader = StrokeReader.untrained()) {
            assertEquals(StrokeNet.LAYOUT, reader.layout());
            reader.writePath(CURLED_ONE, path, 0);
            assertArrayEquals(StrokePath.of(CURLED_ONE), path);
        }
        Path earlier = EarlierReaders.write(dir.resolve("layout3" + StrokeReader.EXTENSION), 3);
        try (StrokeReader reader = StrokeReader.load(earlier)) {
            assertEquals(3, reader.layout());
            assertEquals(StrokeNet.CLASSES, reader.classes());
            reader.writePath(CURLED_ONE, path, 0);
            assertArrayEquals(StrokePath.asDrawn(CURLED_ONE), path);
            Path again = dir.resolve("again" + StrokeReader.EXTENSION);
            reader.save(again);
            try (StrokeReader reloaded = StrokeReader.load(again)) {
                assertEquals(3, reloaded.layout(), "saved again in its own layout");
            }
        }
    }

    /** Teach mode keeps the reader it adapted beside a personal model: one saved by the version before "not a digit". */
    @Test
    void aDigitsOnlyReaderOfTheLayoutBeforeStillLoads() throws Exception {
        Path old = EarlierReaders.write(dir.resolve("old" + StrokeReader.EXTENSION));
        try (StrokeReader reader = StrokeReader.load(old)) {
            assertEquals(10, reader.classes());
            float[] row = reader.probabilities(DRAWINGS)[0];
            assertEquals(10, row.length);
            float[] picture = new float[11];
            picture[NotDigitRule.NOT_A_DIGIT] = 0.7f;
            picture[4] = 0.3f;
            assertEquals(0.7f, JointReading.combine(picture, row)[NotDigitRule.NOT_A_DIGIT], 1e-6,
                    "a reader that knows only digits leaves \"not a digit\" to the picture");
            Path again = dir.resolve("again" + StrokeReader.EXTENSION);
            reader.save(again);
            try (StrokeReader reloaded = StrokeReader.load(again)) {
                assertArrayEquals(row, reloaded.probabilities(DRAWINGS)[0], 1e-6f, "saved again in its own layout");
            }
        }
    }

    @Test
    void damagedFilesAreRefusedNamingTheFile() throws Exception {
        byte[] bytes = savedUntrainedReader();

        Path cut = dir.resolve("cut" + StrokeReader.EXTENSION);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(cut));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("end early"), e.getMessage());

        Path foreign = dir.resolve("not-a-reader" + StrokeReader.EXTENSION);
        Files.write(foreign, "anything else, long enough for a header".getBytes());
        e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(foreign));
        assertTrue(e.getMessage().contains("is not a DigitPad stroke reader"), e.getMessage());

        Path model = dir.resolve("model.dpmodel"); // a model given where a reader belongs
        try (DigitClassifier classifier = ModelFiles.loadBundled()) {
            ModelFiles.save(classifier, model);
        }
        e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(model));
        assertTrue(e.getMessage().contains(model.toString()) && e.getMessage().contains("is a zip file, such as a model"),
                e.getMessage());

        Path longer = dir.resolve("longer" + StrokeReader.EXTENSION);
        byte[] extra = Arrays.copyOf(bytes, bytes.length + 8);
        Files.write(longer, extra);
        e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(longer));
        assertTrue(e.getMessage().contains("bytes more"), e.getMessage());

        Path missing = dir.resolve("missing" + StrokeReader.EXTENSION);
        e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(missing));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aReaderForAnotherLayoutIsRefused() throws Exception {
        byte[] bytes = savedUntrainedReader();
        int layoutAt = 2 + "DigitPad stroke reader".length(); // after writeUTF's length and text
        for (byte layout : new byte[] {9, 1, StrokeNet.LAYOUT + 1}) {
            bytes[layoutAt + 3] = layout;
            Path other = dir.resolve("other" + layout + StrokeReader.EXTENSION);
            Files.write(other, bytes);
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> StrokeReader.load(other));
            assertTrue(e.getMessage().contains("another stroke reader (layout " + layout + ","), e.getMessage());
            assertTrue(e.getMessage().contains("reads layouts 2 to " + StrokeNet.LAYOUT), e.getMessage());
        }
    }

    /** The bytes of a freshly initialized reader's file. */
    private byte[] savedUntrainedReader() throws Exception {
        Path good = dir.resolve("good" + StrokeReader.EXTENSION);
        try (StrokeReader reader = StrokeReader.untrained()) {
            reader.save(good);
        }
        return Files.readAllBytes(good);
    }

    private static float sum(float[] row) {
        float s = 0;
        for (float p : row) {
            s += p;
        }
        return s;
    }

    /** The directory's files, listed and closed. */
    private static final class Stream implements AutoCloseable {
        final List<Path> list;

        Stream(Path dir) throws java.io.IOException {
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                list = files.toList();
            }
        }

        @Override
        public void close() {}
    }
}
