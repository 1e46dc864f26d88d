package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WritingConventionsTest {
    private static List<Stroke> digit(int label) throws Exception {
        return MnistPreprocessorTest.samples().get(label).strokes();
    }

    private static double height(List<Stroke> strokes) {
        Bounds b = Bounds.of(strokes);
        return b.maxY() - b.minY();
    }

    /** The bounds of the stroke each of 20 conventions adds to digit {@code label}, whose own strokes must be kept. */
    private static List<Bounds> addedStrokes(int label, long seed) throws Exception {
        List<Stroke> digit = digit(label);
        SplittableRandom random = new SplittableRandom(seed);
        List<Bounds> added = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<Stroke> marked = WritingConventions.add(digit, label, random);
            assertEquals(digit.size() + 1, marked.size());
            assertEquals(digit, marked.subList(0, digit.size()), "the digit's own strokes are kept");
            added.add(Bounds.of(List.of(marked.get(digit.size()))));
        }
        return added;
    }

    @Test
    void aZeroGetsAStraightSlashThroughItsMiddleAsLongAsTheOvalIsHigh() throws Exception {
        Bounds oval = Bounds.of(digit(0));
        double height = height(digit(0));
        for (Bounds slash : addedStrokes(0, 1)) {
            assertTrue(slash.maxY() - slash.minY() >= height * 0.99, "reaches from the top to the bottom");
            assertTrue(Math.abs(slash.midX() - oval.midX()) < 0.06 * height, "through the middle");
            assertTrue(Math.abs(slash.midY() - oval.midY()) < 0.06 * height, "through the middle");
        }
    }

    @Test
    void aTwoGetsALoopInTheSameStrokeAtItsLowerLeftCorner() throws Exception {
        List<Stroke> two = digit(2);
        List<Stroke> looped = WritingConventions.add(two, 2, new SplittableRandom(3));
        assertEquals(two.size(), looped.size(), "drawn without lifting the pen");
        int grown = -1;
        for (int s = 0; s < two.size(); s++) {
            if (looped.get(s).points().size() != two.get(s).points().size()) {
                grown = s;
            }
        }
        assertTrue(grown >= 0);
        List<Point> before = two.get(grown).points();
        List<Point> after = looped.get(grown).points();
        assertEquals(before.size() + 24, after.size());
        int start = 0;
        while (after.get(start).equals(before.get(start))) {
            start++;
        }
        Point corner = after.get(start - 1);
        double top = corner.y();
        double left = corner.x();
        double right = corner.x();
        for (Point p : after.subList(start, start + 24)) {
            top = Math.min(top, p.y());
            left = Math.min(left, p.x());
            right = Math.max(right, p.x());
        }
        double size = corner.y() - top;
        assertTrue(size > 0.1 * height(two) && size < 0.35 * height(two), "a loop rising above the corner: " + size);
        assertTrue(left < corner.x() && right > corner.x(), "around a point beside the corner, not a stroke off it");
    }

    @Test
    void aSevenGetsAShortBarAcrossItsStem() throws Exception {
        Bounds b = Bounds.of(digit(7));
        double height = height(digit(7));
        for (Bounds bar : addedStrokes(7, 4)) {
            double y = (bar.midY() - b.minY()) / height;
            assertTrue(y > 0.4 && y < 0.65, "halfway down: " + y);
            assertTrue(bar.maxY() - bar.minY() <= 0.1 * height, "about level");
            assertTrue(bar.maxX() - bar.minX() > 0.2 * height, "long enough to see");
        }
    }

    @Test
    void otherDigitsAreLeftAloneAndTheSameSeedGivesTheSameConvention() throws Exception {
        for (int label : new int[] {1, 3, 4, 5, 6, 8, 9}) {
            assertFalse(WritingConventions.has(label));
            List<Stroke> strokes = digit(label);
            assertSame(strokes, WritingConventions.add(strokes, label, new SplittableRandom(5)));
        }
        for (int label : new int[] {0, 2, 7}) {
            assertTrue(WritingConventions.has(label));
            assertEquals(WritingConventions.add(digit(label), label, new SplittableRandom(6)),
                    WritingConventions.add(digit(label), label, new SplittableRandom(6)));
        }
    }
}
