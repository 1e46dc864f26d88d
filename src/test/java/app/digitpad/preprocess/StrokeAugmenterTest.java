package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrokeAugmenterTest {
    @Test
    void theSameSeedGivesTheSameDistortionAndAnotherSeedAnother() throws Exception {
        List<Stroke> four = MnistPreprocessorTest.samples().get(4).strokes();
        StrokeAugmenter augmenter = new StrokeAugmenter(1);
        StrokeAugmenter.Augmented a = augmenter.augment(four, new SplittableRandom(5));
        StrokeAugmenter.Augmented b = augmenter.augment(four, new SplittableRandom(5));
        StrokeAugmenter.Augmented c = augmenter.augment(four, new SplittableRandom(6));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(four.size(), a.strokes().size(), "strokes are distorted, not dropped");
    }

    @Test
    void distortedDigitsStayRecognizablyTheSameDigitAndTheInkStaysNearMnists() throws Exception {
        StrokeAugmenter augmenter = new StrokeAugmenter(1);
        SplittableRandom random = new SplittableRandom(11);
        for (PenDigit digit : MnistPreprocessorTest.samples()) {
            float[] clean = MnistPreprocessor.fromStrokes(digit.strokes());
            double similarity = 0;
            for (int i = 0; i < 50; i++) {
                StrokeAugmenter.Augmented augmented = augmenter.augment(digit.strokes(), random);
                InkStyle style = augmented.style();
                assertTrue(style.width() > 1.75 && style.width() < 3.15, "pen width " + style.width());
                assertTrue(style.box() >= 18.5 && style.box() <= 20, "box " + style.box());
                similarity += MnistPreprocessorTest.cosine(clean, MnistPreprocessor.fromStrokes(augmented.strokes(), style));
            }
            // different enough to teach something, alike enough to still be the same digit
            double mean = similarity / 50;
            assertTrue(mean > 0.55 && mean < 0.97, digit.id() + " mean cosine similarity " + mean);
        }
    }

    @Test
    void strengthZeroOnlyVariesNothingButCoarserSampling() throws Exception {
        List<Stroke> two = MnistPreprocessorTest.samples().get(2).strokes();
        StrokeAugmenter.Augmented none = new StrokeAugmenter(0).augment(two, new SplittableRandom(3));
        assertEquals(InkStyle.STROKE_WIDTH, none.style().width(), 1e-12);
        assertEquals(MnistPreprocessor.BOX, none.style().box(), 1e-12);
        assertEquals(0, none.style().shiftX(), 1e-12);
        assertEquals(0, none.style().shiftY(), 1e-12);
        assertTrue(MnistPreprocessorTest.cosine(MnistPreprocessor.fromStrokes(two), MnistPreprocessor.fromStrokes(none.strokes())) > 0.97);
        assertThrows(IllegalArgumentException.class, () -> new StrokeAugmenter(-1));
    }
}
