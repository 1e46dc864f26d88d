package app.digitpad.ml.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.TestData;
import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.model.DigitClassifier;
import app.digitpad.ml.model.ModelFiles;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.ml.train.Adaptation;
import app.digitpad.ml.train.TrainingCancelledException;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.PenDigits;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teach mode's work: both readers adapted, saved in one file and read back together; progress runs through both. */
class HandwritingAdaptationTest {
    @TempDir
    Path dir;

    private static List<PenDigit> samples() throws Exception {
        try (InputStream in = HandwritingAdaptationTest.class.getResourceAsStream("/pendigits-sample.jsonl")) {
            return PenDigits.read(in, "pendigits-sample.jsonl");
        }
    }

    @Test
    void bothReadersAreAdaptedAndSavedInOneModelFile() throws Exception {
        Adaptation.Settings settings = Adaptation.Settings.defaults().withSteps(6).withTestImages(200);
        List<Integer> progress = new ArrayList<>();
        try (DigitClassifier parent = ModelFiles.loadBundled(); StrokeReader reader = StrokeReader.loadBundled()) {
            HandwritingAdaptation adaptation = new HandwritingAdaptation(parent, reader, samples(), TestData.train(),
                    TestData.test(), PenTrainingSet.loadBundled(), settings, (step, steps, loss) -> {
                        assertEquals(9, steps, "the steps of both: 6, and half as many for the stroke reader");
                        progress.add(step);
                    });
            try (HandwritingAdaptation.Result adapted = adaptation.run()) {
                assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), progress, "the picture's steps, then the reader's");
                Path file = dir.resolve("personal.dpmodel");
                adapted.save(file);
                try (DigitClassifier model = ModelFiles.load(file); StrokeReader saved = StrokeReader.inModel(file).orElseThrow()) {
                    assertEquals(parent.metadata().name(), model.metadata().parent());
                    List<PenDigit> digits = samples();
                    float[] expected = adapted.reader().probabilities(List.of(digits.get(4).strokes()))[0];
                    float[] read = saved.probabilities(List.of(digits.get(4).strokes()))[0];
                    for (int d = 0; d < 10; d++) {
                        assertEquals(expected[d], read[d], 1e-5, "the adapted reader, read back");
                    }
                }
            }
        }
    }

    @Test
    void withoutAReaderThePictureNetworkIsAdaptedAloneAndSavedWithoutOne() throws Exception {
        Adaptation.Settings settings = Adaptation.Settings.defaults().withSteps(3).withTestImages(200);
        try (DigitClassifier parent = ModelFiles.loadBundled();
                HandwritingAdaptation.Result adapted = new HandwritingAdaptation(parent, null, samples(), TestData.train(),
                        TestData.test(), PenTrainingSet.loadBundled(), settings, Adaptation.Listener.NONE).run()) {
            assertNull(adapted.reader());
            Path file = dir.resolve("picture-only.dpmodel");
            adapted.save(file);
            assertTrue(StrokeReader.inModel(file).isEmpty());
        }
    }

    @Test
    void aCancelledAdaptationStopsAndSaysSo() throws Exception {
        try (DigitClassifier parent = ModelFiles.loadBundled(); StrokeReader reader = StrokeReader.loadBundled()) {
            HandwritingAdaptation adaptation = new HandwritingAdaptation(parent, reader, samples(), TestData.train(),
                    TestData.test(), PenTrainingSet.loadBundled(), Adaptation.Settings.defaults(), Adaptation.Listener.NONE);
            adaptation.cancel();
            assertThrows(TrainingCancelledException.class, adaptation::run);
        }
    }
}
