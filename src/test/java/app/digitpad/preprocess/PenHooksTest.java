package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PenHooksTest {
    /** Points every unit from (x0, y0) to (x1, y1), the first included. */
    private static List<Point> line(double x0, double y0, double x1, double y1) {
        int steps = (int) Math.ceil(Math.hypot(x1 - x0, y1 - y0));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            points.add(new Point(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps));
        }
        return points;
    }

    private static Stroke stroke(List<Point> points, Point last) {
        List<Point> all = new ArrayList<>(points);
        all.add(last);
        return new Stroke(all);
    }

    /** A 1 written from its foot up: 100 units tall. */
    private static final List<Point> STEM = line(50, 100, 50, 0);

    @Test
    void aStrokeWithoutHooksIsLeftAsItIs() {
        List<Stroke> one = List.of(stroke(STEM, new Point(50, 0)));
        assertSame(one.get(0), PenHooks.remove(one).get(0));
    }

    /** The pen lands 4 units up the stem's line, curls down and to the side, and turns up the stem. */
    private static List<Point> curledOne() {
        List<Point> hooked = new ArrayList<>(line(50, 96, 52, 100));
        hooked.addAll(STEM);
        hooked.add(new Point(50, 0));
        return hooked;
    }

    @Test
    void aCurlWhereThePenLandedIsCut() {
        Stroke cut = PenHooks.remove(List.of(new Stroke(curledOne()))).get(0);
        assertEquals(new Point(50, 97), cut.points().get(0), "the stroke starts where it passes the point where the pen landed");
        assertTrue(cut.points().stream().allMatch(p -> p.x() == 50), "nothing of the curl is left");
        assertEquals(new Point(50, 0), cut.points().get(cut.points().size() - 1));
    }

    @Test
    void aCurlWhereThePenLiftedIsCut() {
        List<Point> hooked = new ArrayList<>(STEM);
        hooked.addAll(line(50, 0, 56, 5));
        Stroke cut = PenHooks.remove(List.of(stroke(hooked, new Point(56, 5)))).get(0);
        assertEquals(new Point(50, 100), cut.points().get(0));
        // the lift point is level with the stem 5 units down, past the window's 10 units along the stroke
        assertEquals(new Point(50, 2), cut.points().get(cut.points().size() - 1), "cut back down the stem as far as the window reaches");
    }

    @Test
    void aTurnLongerThanAHookIsPartOfTheDigit() {
        // a 7: a bar of 60 units (more than a tenth of the drawing), then the stem
        List<Point> seven = new ArrayList<>(line(0, 0, 60, 0));
        seven.addAll(line(60, 0, 30, 100));
        Stroke stroke = stroke(seven, new Point(30, 100));
        assertSame(stroke, PenHooks.remove(List.of(stroke)).get(0));
    }

    @Test
    void aStrokeThatIsAllHookIsLeftAsDrawn() {
        // a short stroke out and back, beside a digit 100 units tall: both cuts would meet
        Stroke outAndBack = new Stroke(List.of(new Point(0, 0), new Point(1, 1), new Point(2, 2), new Point(1, 1), new Point(0, 0)));
        List<Stroke> drawing = List.of(stroke(STEM, new Point(50, 0)), outAndBack);
        assertSame(outAndBack, PenHooks.remove(drawing).get(1));
    }

    @Test
    void aTinyMarkIsLeftAsDrawn() {
        Stroke dot = new Stroke(List.of(new Point(1, 1), new Point(2, 1), new Point(1, 1)));
        assertSame(dot, PenHooks.remove(List.of(dot)).get(0));
        assertEquals(List.of(), PenHooks.remove(List.of()));
    }

    @Test
    void theReaderSeesTheStrokeWithoutItsHook() {
        List<Stroke> curled = List.of(new Stroke(curledOne()));
        float[] plain = StrokePath.of(List.of(stroke(line(50, 97, 50, 0), new Point(50, 0))));
        assertArrayEquals(plain, StrokePath.of(curled), 1e-5f);
        int firstDy = 3 * StrokePath.POINTS;
        assertEquals(-1, StrokePath.of(curled)[firstDy], 1e-5, "the path starts up the stem");
        assertTrue(StrokePath.asDrawn(curled)[firstDy] > 0, "as drawn, it starts down the curl");
    }

    @Test
    void aWritersOneWithACurlAtItsStartLosesTheCurl() throws Exception {
        // ced/NANK4257's 1 with a long flag: the pen lands, curls down to the left and back, then draws the flag
        List<PenDigit> writer;
        try (InputStream in = PenHooksTest.class.getResourceAsStream("/writer-flagged-ones.jsonl")) {
            writer = PenDigits.read(in, "writer-flagged-ones.jsonl");
        }
        PenDigit one = writer.stream().filter(d -> d.id().endsWith("#9")).findFirst().orElseThrow();
        Stroke drawn = one.strokes().get(0);
        Stroke cut = PenHooks.remove(one.strokes()).get(0);
        // its first three points: down to the left, and the lowest point of the curl is where the flag starts
        assertEquals(drawn.points().subList(3, drawn.points().size()), cut.points());
    }
}
