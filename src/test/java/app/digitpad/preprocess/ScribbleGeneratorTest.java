package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScribbleGeneratorTest {
    @Test
    void aSeedAlwaysGivesTheSameScribbles() {
        assertEquals(ScribbleGenerator.set(42, 30), ScribbleGenerator.set(42, 30));
        assertNotEquals(ScribbleGenerator.set(42, 30), ScribbleGenerator.set(43, 30));
    }

    @Test
    void everyScribbleTracesFarMoreThanADigitOrIsManyMarks() {
        List<List<Stroke>> scribbles = ScribbleGenerator.set(7, 600);
        int[] shortOnes = new int[ScribbleGenerator.KINDS];
        for (int i = 0; i < scribbles.size(); i++) {
            List<Stroke> s = scribbles.get(i);
            double ratio = ScribbleGenerator.trace(s) / ScribbleGenerator.extent(s);
            if (i % ScribbleGenerator.KINDS == ScribbleGenerator.DASHES) {
                assertTrue(s.size() >= 5, "scattered dashes are at least five marks");
            } else if (ratio < ScribbleGenerator.MIN_TRACE) {
                shortOnes[i % ScribbleGenerator.KINDS]++;
            }
            float[] input = MnistPreprocessor.fromStrokes(s);
            double ink = 0;
            for (float v : input) {
                ink += v;
            }
            assertTrue(ink > 30, "a scribble leaves ink in the 28x28 input: " + ink);
        }
        for (int kind = 0; kind < ScribbleGenerator.KINDS; kind++) {
            // a kind may rarely give up after its retries, never often
            assertTrue(shortOnes[kind] <= 2, "kind " + kind + ": " + shortOnes[kind] + " of 150 trace too little");
        }
    }

    @Test
    void aSingleDigitTracesLessThanTheScribbleMinimum() throws Exception {
        for (PenDigit digit : MnistPreprocessorTest.samples()) {
            double ratio = ScribbleGenerator.trace(digit.strokes()) / ScribbleGenerator.extent(digit.strokes());
            assertTrue(ratio < ScribbleGenerator.MIN_TRACE, digit.id() + " traces " + ratio + " times its extent");
        }
        // and the generator draws every kind
        SplittableRandom random = new SplittableRandom(1);
        for (int kind = 0; kind < ScribbleGenerator.KINDS; kind++) {
            assertTrue(!ScribbleGenerator.scribble(kind, random).isEmpty());
        }
    }
}
