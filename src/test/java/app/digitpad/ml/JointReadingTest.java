package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.JointReading;
import app.digitpad.ml.eval.NotDigitRule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JointReadingTest {
    private static float[] row(int classes, float... pairs) {
        float[] p = new float[classes];
        for (int i = 0; i < pairs.length; i += 2) {
            p[(int) pairs[i]] = pairs[i + 1];
        }
        return p;
    }

    @Test
    void aDigitBothReadersFindPlausibleBeatsOneOnlyThePictureLikes() {
        float[] picture = row(10, 7, 0.6f, 1, 0.4f);
        float[] path = row(10, 1, 0.9f, 7, 0.1f);
        float[] joint = JointReading.combine(picture, path);
        assertEquals(1, NotDigitRule.digit(joint));
        // 0.4^v * 0.9^w against 0.6^v * 0.1^w, renormalized
        double one = Math.pow(0.4, JointReading.PICTURE_WEIGHT) * Math.pow(0.9, JointReading.PATH_WEIGHT);
        double seven = Math.pow(0.6, JointReading.PICTURE_WEIGHT) * Math.pow(0.1, JointReading.PATH_WEIGHT);
        assertEquals(one / (one + seven), joint[1], 1e-6);
    }

    @Test
    void readersThatAgreeAreSurerTogetherThanEitherAloneButNotCertain() {
        float[] picture = new float[10];
        float[] path = new float[10];
        Arrays.fill(picture, 0.1f / 9);
        Arrays.fill(path, 0.1f / 9);
        picture[3] = 0.9f;
        path[3] = 0.9f;
        float[] joint = JointReading.combine(picture, path);
        assertEquals(3, NotDigitRule.digit(joint));
        assertTrue(joint[3] > 0.9f && joint[3] < 0.995f, "joint " + joint[3]);
    }

    @Test
    void aSureStrokeReaderDoesNotOverruleASurePicture() {
        float[] picture = row(10, 3, 0.98f, 5, 0.02f);
        float[] path = row(10, 5, 0.8f, 3, 0.2f);
        assertEquals(3, NotDigitRule.digit(JointReading.combine(picture, path)));
    }

    @Test
    void notADigitIsThePicturesAndTheDigitsShareTheRest() {
        float[] picture = row(11, 2, 0.3f, 4, 0.1f, 10, 0.6f);
        float[] path = row(10, 2, 0.5f, 4, 0.5f);
        float[] joint = JointReading.combine(picture, path);
        assertEquals(0.6f, joint[NotDigitRule.NOT_A_DIGIT]);
        float sum = 0;
        for (float p : joint) {
            sum += p;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(2, NotDigitRule.digit(joint));
    }

    @Test
    void notADigitIsBothReadersCallWithAnEqualSay() {
        float[] picture = row(11, 2, 0.3f, 10, 0.7f);
        float[] path = row(11, 2, 0.9f, 10, 0.1f);
        float[] joint = JointReading.combine(picture, path);
        // log-odds: the mean of the readers'
        double z = (Math.log(0.7 / 0.3) + Math.log(0.1 / 0.9)) / 2;
        assertEquals(1 / (1 + Math.exp(-z)), joint[NotDigitRule.NOT_A_DIGIT], 1e-6);
        assertTrue(joint[NotDigitRule.NOT_A_DIGIT] < 0.5f, "the reader's sure digit outweighs the picture's doubt");
        float sum = 0;
        for (float p : joint) {
            sum += p;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(2, NotDigitRule.digit(joint));
        float[] agree = JointReading.combine(row(11, 4, 0.4f, 10, 0.6f), row(11, 4, 0.4f, 10, 0.6f));
        assertEquals(0.6f, agree[NotDigitRule.NOT_A_DIGIT], 1e-6, "two readers that agree keep their probability");
    }

    @Test
    void aTenOutputPictureNetworkNeverSaysNotADigit() {
        float[] joint = JointReading.combine(row(10, 3, 1f), row(11, 3, 0.1f, 10, 0.9f));
        assertEquals(10, joint.length);
        assertEquals(1, joint[3], 1e-6);
    }

    @Test
    void readersWithNoDigitInCommonLeaveThePicturesAnswer() {
        float[] picture = row(10, 4, 1f);
        float[] path = row(10, 9, 1f);
        assertArrayEquals(picture, JointReading.combine(picture, path));
    }

    @Test
    void aBrokenReaderRowLeavesThePicturesAnswer() {
        float[] picture = row(11, 3, 0.6f, 10, 0.4f);
        float[] path = new float[11];
        Arrays.fill(path, Float.NaN);
        assertArrayEquals(picture, JointReading.combine(picture, path), 1e-6f);
    }

    @Test
    void aPictureSureItIsNoDigitStillGivesTheDigitsTheirShareOfTheRest() {
        float[] picture = row(11, 10, 1f);
        float[] path = row(11, 5, 0.9f, 10, 0.1f);
        float[] joint = JointReading.combine(picture, path);
        float sum = 0;
        for (float p : joint) {
            sum += p;
        }
        assertEquals(1, sum, 1e-6);
        assertEquals(5, NotDigitRule.digit(joint), "the reader's digit");
    }

    @Test
    void rowsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> JointReading.combine(new float[10], new float[9]));
        assertThrows(IllegalArgumentException.class, () -> JointReading.combine(new float[12], new float[11]));
        assertThrows(IllegalArgumentException.class,
                () -> JointReading.combine(new float[][] {new float[10]}, new float[0][]));
    }
}
