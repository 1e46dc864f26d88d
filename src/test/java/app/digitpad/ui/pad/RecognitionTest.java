package app.digitpad.ui.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.NotDigitRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecognitionTest {
    private static final Recognition.Stages NO_TIME = new Recognition.Stages(0, 0, 0, 0);

    /** Probabilities with {@code p} on {@code digit} and the rest spread evenly over all {@code size} classes. */
    private static float[] sure(int digit, float p, int size) {
        float[] row = new float[size];
        java.util.Arrays.fill(row, (1 - p) / (size - 1));
        row[digit] = p;
        return row;
    }

    private static Recognition of(float[] picture, float[] path, boolean notADigit) {
        return of(picture, path, picture.clone(), notADigit);
    }

    private static Recognition of(float[] picture, float[] path, float[] joint, boolean notADigit) {
        int digit = NotDigitRule.digit(joint);
        NotDigitRule rule = new NotDigitRule(picture.length, 0.5f);
        int pathAnswer = path == null ? -1 : path.length > NotDigitRule.DIGITS ? rule.answer(path) : NotDigitRule.digit(path);
        return new Recognition(joint, new float[784], digit, notADigit, 0, NO_TIME, picture, path, rule.answer(picture), pathAnswer);
    }

    @Test
    void readersThatDisagreeAreEachNamedWithHowSureTheyWere() {
        Recognition r = of(sure(8, 0.61f, 11), sure(0, 0.97f, 10), false);
        assertTrue(r.disagree());
        assertEquals(Optional.of("Picture read 8 (61%), pen path 0 (97%)"), r.readers());
    }

    @Test
    void readersThatAgreeAreSaidToAgree() {
        Recognition r = of(sure(7, 0.9f, 11), sure(7, 0.6f, 10), false);
        assertFalse(r.disagree());
        assertEquals(Optional.of("Picture and pen path both read 7"), r.readers());
    }

    @Test
    void noLineWithoutAStrokeReader() {
        assertEquals(Optional.empty(), of(sure(3, 0.9f, 11), null, false).readers());
        assertFalse(of(sure(3, 0.9f, 11), null, false).disagree());
    }

    @Test
    void eitherReaderMaySayNotADigit() {
        Recognition pictureOnly = of(sure(10, 0.9f, 11), sure(4, 0.7f, 11), true);
        assertTrue(pictureOnly.disagree());
        assertEquals(Optional.of("Picture says not a digit (90%), pen path 4 (70%)"), pictureOnly.readers());
        Recognition pathOnly = of(sure(4, 0.6f, 11), sure(10, 0.8f, 11), false);
        assertEquals(Optional.of("Picture read 4 (60%), pen path says not a digit (80%)"), pathOnly.readers());
        Recognition both = of(sure(10, 0.9f, 11), sure(10, 0.5f, 11), true);
        assertFalse(both.disagree());
        assertEquals(Optional.of("Picture and pen path both say: not a digit"), both.readers());
    }

    @Test
    void aReaderOfDigitsOnlyNeverSaysNotADigit() {
        Recognition r = of(sure(10, 0.9f, 11), sure(4, 0.9f, 10), true);
        assertEquals(Optional.of("Picture says not a digit (90%), pen path 4 (90%)"), r.readers());
    }

    @Test
    void theNetworkViewIsToldWhenThePathChangedThePicturesAnswer() {
        float[] picture = sure(8, 0.61f, 11);
        float[] path = sure(0, 0.97f, 10);
        Recognition changed = of(picture, path, app.digitpad.ml.eval.JointReading.combine(picture, path), false);
        assertEquals(0, changed.digit());
        assertEquals(Optional.of("The picture network alone reads 8 (61%); the pen's path made it 0. "
                + "The maps explain the picture network."), changed.changedByPath());
        assertEquals(Optional.empty(), of(picture, path, picture.clone(), false).changedByPath(), "the picture's answer stood");
        assertEquals(Optional.empty(), of(picture, null, false).changedByPath());
    }

    @Test
    void theNetworkViewIsToldWhenThePathTurnedNotADigitIntoADigitOrBack() {
        float[] symbol = sure(10, 0.7f, 11);
        symbol[4] = 0.2f;
        Recognition digit = of(symbol, sure(4, 0.95f, 11), sure(4, 0.6f, 11), false);
        assertEquals(Optional.of("The picture network alone says not a digit (70%); the pen's path made it 4. "
                + "The maps explain the picture network."), digit.changedByPath());
        Recognition symbolAfterAll = of(sure(7, 0.9f, 11), sure(10, 0.99f, 11), sure(10, 0.6f, 11), true);
        assertEquals(Optional.of("The picture network alone reads 7 (90%); the pen's path made it not a digit. "
                + "The maps explain the picture network."), symbolAfterAll.changedByPath());
        assertEquals(Optional.empty(), of(symbol, sure(10, 0.9f, 11), symbol.clone(), true).changedByPath(),
                "both call it not a digit");
    }
}
