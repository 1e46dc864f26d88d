package app.digitpad.ml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.Point;
import app.digitpad.preprocess.Stroke;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WriterFoldsTest {
    private static final List<Stroke> STROKES = List.of(new Stroke(List.of(new Point(0, 0), new Point(1, 1))));

    private static List<PenDigit> samples(int writers) {
        List<PenDigit> samples = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < 3; i++) {
                samples.add(new PenDigit("w" + w + "#" + i, "src/writer" + w, (w + i) % 10, STROKES));
            }
        }
        return samples;
    }

    private static Set<String> writers(List<PenDigit> samples) {
        return samples.stream().map(PenDigit::writer).collect(Collectors.toSet());
    }

    @Test
    void eachWriterIsInExactlyOneFoldAndNeverInTheDataLeftToTrainOn() {
        List<PenDigit> samples = samples(40);
        WriterFolds folds = new WriterFolds(3);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int fold = 0; fold < 3; fold++) {
            List<PenDigit> in = folds.in(samples, fold);
            List<PenDigit> outside = folds.outside(samples, fold);
            assertEquals(samples.size(), in.size() + outside.size());
            Set<String> held = writers(in);
            assertTrue(held.stream().noneMatch(writers(outside)::contains), "a held-out writer is left to train on");
            assertTrue(held.stream().noneMatch(seen::contains), "a writer in two folds");
            seen.addAll(held);
            total += in.size();
            assertTrue(in.size() >= 15, "40 writers over 3 folds leave no fold nearly empty: " + in.size());
        }
        assertEquals(samples.size(), total);
        assertEquals(writers(samples), seen);
    }

    @Test
    void theFoldDependsOnTheWriterAloneAsTheValidationSplitDoes() {
        WriterFolds folds = new WriterFolds(3);
        // SHA-256("cv:apa/DavidSinger") begins 0x99 = 153, and 153 % 3 = 0: a change of the rule shows here
        assertEquals(0, folds.of("apa/DavidSinger"));
        assertEquals(153 % 5, new WriterFolds(5).of("apa/DavidSinger"));
        List<PenDigit> one = samples(1);
        assertEquals(folds.in(one, folds.of("src/writer0")), one);
        assertTrue(folds.outside(one, folds.of("src/writer0")).isEmpty());
    }

    @Test
    void digitsAndNonDigitsAreCutByTheSameWriters() {
        List<PenDigit> digits = samples(12);
        List<PenDigit> others = digits.stream()
                .map(d -> new PenDigit(d.id() + "x", d.writer(), PenDigit.NOT_A_DIGIT, d.strokes())).toList();
        WriterFolds folds = new WriterFolds(2);
        PenTrainingSet rest = folds.outside(new PenTrainingSet(digits, others), 0);
        assertFalse(rest.digits().isEmpty());
        assertEquals(folds.outside(digits, 0), rest.digits());
        assertEquals(writers(rest.digits()), writers(rest.nonDigits()));
        assertTrue(writers(rest.digits()).stream().allMatch(w -> folds.of(w) == 1));
    }

    @Test
    void aFoldCountOutsideTwoTo256IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WriterFolds(1));
        assertThrows(IllegalArgumentException.class, () -> new WriterFolds(257));
    }
}
