package app.digitpad.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.data.PenTrainingSet;
import app.digitpad.ml.eval.NotDigitRule;
import app.digitpad.ml.model.StrokeReader;
import app.digitpad.preprocess.PenDigit;
import app.digitpad.preprocess.Stroke;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeReaderTrainingTest {
    @Test
    void aShortRunLearnsToReadWritersItDidNotSeeAndWhatIsNotADigit() throws Exception {
        PenTrainingSet set = PenTrainingSet.loadBundled();
        List<PenDigit> digits = set.digits();
        // the split's samples are grouped by writer: the first 1,500 and the last 500 share none
        List<PenDigit> train = digits.subList(0, 1500);
        List<PenDigit> unseen = digits.subList(digits.size() - 500, digits.size());
        assertTrue(train.stream().map(PenDigit::writer).noneMatch(w -> unseen.stream().anyMatch(u -> u.writer().equals(w))));
        // non-digits of other writers than the test's, as the split groups them by writer too
        List<PenDigit> letters = set.nonDigits().subList(0, 1500);
        List<PenDigit> unseenLetters = set.nonDigits().subList(set.nonDigits().size() - 500, set.nonDigits().size());
        List<PenDigit> samples = new ArrayList<>(train);
        samples.addAll(letters);
        List<Float> losses = new ArrayList<>();
        try (StrokeReader reader = new StrokeReaderTraining().train(samples, new StrokeReaderTraining.Settings(4, 64, 0.004f, 0.05f, 1),
                (epoch, epochs, loss, accuracy) -> losses.add(loss))) {
            assertEquals(4, losses.size());
            assertTrue(losses.get(3) < losses.get(0) / 2, "loss " + losses);
            float[][] rows = reader.probabilities(unseen.stream().map(PenDigit::strokes).toList());
            int right = 0;
            for (int i = 0; i < rows.length; i++) {
                right += NotDigitRule.digit(rows[i]) == unseen.get(i).label() ? 1 : 0;
            }
            assertTrue(right >= 350, right + " of 500 read right"); // chance is 50
            int said = 0;
            for (float[] row : reader.probabilities(unseenLetters.stream().map(PenDigit::strokes).toList())) {
                said += row[NotDigitRule.NOT_A_DIGIT] >= 0.5f ? 1 : 0;
            }
            assertTrue(said >= 350, said + " of 500 letters and symbols said not a digit");
        }
    }

    @Test
    void aCancelledRunStopsAndSaysSo() throws Exception {
        List<PenDigit> digits = PenTrainingSet.loadBundled().digits().subList(0, 640);
        StrokeReaderTraining training = new StrokeReaderTraining();
        int[] epochs = {0};
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
                () -> training.train(digits, new StrokeReaderTraining.Settings(5, 64, 0.004f, 0.05f, 1), (epoch, total, loss, accuracy) -> {
                    epochs[0] = epoch;
                    training.cancel();
                }));
        assertEquals(1, epochs[0], "stopped in the epoch after the one that finished: " + e.getMessage());
    }

    @Test
    void withoutDigitsTrainingIsRefused() {
        List<Stroke> strokes = List.of(new Stroke(List.of(new app.digitpad.preprocess.Point(0, 0), new app.digitpad.preprocess.Point(1, 1))));
        List<PenDigit> letters = List.of(new PenDigit("a", "w", PenDigit.NOT_A_DIGIT, strokes));
        assertThrows(IllegalArgumentException.class,
                () -> new StrokeReaderTraining().train(letters, StrokeReaderTraining.Settings.DEFAULT, (e, t, l, a) -> {}));
    }
}
