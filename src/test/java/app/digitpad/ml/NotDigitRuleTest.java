package app.digitpad.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digitpad.ml.eval.NotDigitRule;
import org.junit.jupiter.api.Test;

class NotDigitRuleTest {
    @Test
    void elevenOutputsFlagAtTheThresholdTenNever() {
        NotDigitRule rule = new NotDigitRule(11, 0.5f);
        float[] scribble = {0.05f, 0, 0, 0, 0.05f, 0, 0, 0, 0, 0, 0.9f};
        float[] unsure = {0.3f, 0, 0, 0, 0.25f, 0, 0, 0, 0, 0, 0.45f};
        float[] three = {0, 0, 0, 0.97f, 0, 0, 0, 0, 0, 0, 0.03f};
        assertTrue(rule.flags(scribble));
        assertFalse(rule.flags(unsure), "below the threshold, even as the most probable class");
        assertFalse(rule.flags(three));
        assertEquals(0, NotDigitRule.digit(scribble), "the most probable digit, whatever the 11th says");
        assertEquals(3, NotDigitRule.digit(three));
        assertFalse(NotDigitRule.NONE.flags(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1f}));
        assertFalse(NotDigitRule.NONE.canReject());
        assertEquals(NotDigitRule.NOT_A_DIGIT, rule.answer(scribble));
        assertEquals(0, rule.answer(unsure), "the app's answer: the 11th output under the threshold does not count");
        assertEquals(3, rule.answer(three));
        assertArrayEquals(new int[] {0, NotDigitRule.NOT_A_DIGIT}, app.digitpad.ml.inspect.Ranking.withFirst(unsure, 0),
                "that answer first, the most probable of the rest as runner-up");
        assertArrayEquals(new int[] {3, NotDigitRule.NOT_A_DIGIT}, app.digitpad.ml.inspect.Ranking.withFirst(three, 3));
    }

    @Test
    void impossibleRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NotDigitRule(12, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> new NotDigitRule(11, 0f));
        assertThrows(IllegalArgumentException.class, () -> new NotDigitRule(11, Float.NaN));
    }
}
