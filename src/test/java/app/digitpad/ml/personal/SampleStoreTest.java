package app.digitpad.ml.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.preprocess.MnistPreprocessor;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {
    @TempDir
    Path dir;

    private static List<PenDigit> pen() throws IOException {
        try (InputStream in = SampleStoreTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            return PenDigits.read(in, "sample");
        }
    }

    private static PersonalSample sample(PenDigit digit, int label) {
        return PersonalSample.of(digit.strokes(), MnistPreprocessor.fromStrokes(digit.strokes()), label, 3, "fast-cnn-10ep");
    }

    @Test
    void appendedSamplesComeBackExactlyAfterAReload() throws Exception {
        SampleStore store = new SampleStore(dir.resolve("samples").resolve("samples.jsonl"));
        assertTrue(store.load().samples().isEmpty(), "no file yet: no samples, no warnings");
        List<PenDigit> pen = pen();
        assertEquals(SampleStore.Added.ADDED, store.add(sample(pen.get(0), 0)));
        assertEquals(SampleStore.Added.ADDED, store.add(sample(pen.get(7), 7)));
        assertEquals(SampleStore.Added.ADDED, store.add(sample(pen.get(9), PersonalSample.NOT_A_DIGIT)));
        List<PersonalSample> loaded = new SampleStore(store.file()).load().samples();
        assertEquals(3, loaded.size());
        assertEquals(0, loaded.get(0).label());
        assertEquals(pen.get(7).strokes(), loaded.get(1).strokes());
        assertFalse(loaded.get(2).isDigit());
        assertEquals("fast-cnn-10ep", loaded.get(1).model());
        // the 28x28 is kept to 1/255
        float[] input = MnistPreprocessor.fromStrokes(pen.get(7).strokes());
        for (int i = 0; i < 784; i++) {
            assertEquals(input[i], loaded.get(1).input()[i], 0.5f / 255);
        }
        assertEquals(3, Files.readAllLines(store.file()).size(), "one line a sample");
    }

    @Test
    void theSameDrawingIsStoredOnceAndARelabelChangesIt() throws Exception {
        SampleStore store = new SampleStore(dir.resolve("samples.jsonl"));
        PenDigit three = pen().get(3);
        assertEquals(SampleStore.Added.ADDED, store.add(sample(three, 3)));
        assertEquals(SampleStore.Added.ALREADY_SAVED, store.add(sample(three, 3)));
        assertEquals(SampleStore.Added.RELABELLED, store.add(sample(three, 8)));
        List<PersonalSample> loaded = store.load().samples();
        assertEquals(1, loaded.size());
        assertEquals(8, loaded.get(0).label());
        assertTrue(store.relabel(loaded.get(0).id(), 3));
        assertEquals(3, store.load().samples().get(0).label());
    }

    @Test
    void aCorruptLineIsSkippedWithItsNumberAndKeptWhenTheFileIsWrittenAgain() throws Exception {
        SampleStore store = new SampleStore(dir.resolve("samples.jsonl"));
        List<PenDigit> pen = pen();
        store.add(sample(pen.get(1), 1));
        Files.writeString(store.file(), "{\"this is\": \"not a sample\"}\n", StandardOpenOption.APPEND);
        store.add(sample(pen.get(2), 2));
        // a crash in the middle of an append leaves half a line: the next sample still gets its own
        Files.writeString(store.file(), "{\"id\":\"cut", StandardOpenOption.APPEND);
        store.add(sample(pen.get(4), 4));

        SampleStore.Contents contents = store.load();
        assertEquals(3, contents.samples().size());
        assertEquals(2, contents.warnings().size(), contents.warnings().toString());
        assertTrue(contents.warnings().get(0).contains("samples.jsonl line 2 was skipped"), contents.warnings().get(0));
        assertTrue(contents.warnings().get(1).contains("line 4"), contents.warnings().get(1));

        assertTrue(store.delete(contents.samples().get(0).id()));
        List<String> lines = Files.readAllLines(store.file(), StandardCharsets.UTF_8);
        assertEquals(4, lines.size(), "the unreadable lines are kept as they were");
        assertTrue(lines.contains("{\"this is\": \"not a sample\"}"));
        assertEquals(List.of(2, 4), store.load().samples().stream().map(PersonalSample::label).toList());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void exportAndImportShareASetWithoutDuplicates() throws Exception {
        SampleStore mine = new SampleStore(dir.resolve("mine.jsonl"));
        SampleStore theirs = new SampleStore(dir.resolve("theirs.jsonl"));
        List<PenDigit> pen = pen();
        mine.add(sample(pen.get(5), 5));
        mine.add(sample(pen.get(6), 6));
        theirs.add(sample(pen.get(6), 6));
        Path shared = dir.resolve("export.jsonl");
        assertEquals(2, mine.exportTo(shared));
        SampleStore.ImportResult result = theirs.importFrom(shared);
        assertEquals(1, result.added());
        assertEquals(1, result.duplicates());
        assertEquals(2, theirs.load().samples().size());
        assertThrows(IOException.class, () -> theirs.importFrom(dir.resolve("absent.jsonl")));
    }

    @Test
    void theIdFollowsTheStrokes() {
        List<Stroke> a = List.of(new Stroke(List.of(new Point(1, 2), new Point(3, 4))));
        List<Stroke> b = List.of(new Stroke(List.of(new Point(1, 2), new Point(3, 5))));
        assertEquals(PersonalSample.idOf(a), PersonalSample.idOf(List.copyOf(a)));
        assertNotEquals(PersonalSample.idOf(a), PersonalSample.idOf(b));
        assertThrows(IllegalArgumentException.class, () -> PersonalSample.of(a, new float[784], 10, 0, "m"));
    }
}
