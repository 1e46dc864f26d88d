package app.digitpad.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingTest {
    @Test
    void strokesAreKeptUndoneAndCleared() {
        Drawing d = new Drawing();
        assertTrue(d.isEmpty());
        d.beginStroke(1, 1);
        d.addPoint(2, 2);
        d.addPoint(2, 2); // repeated pointer events are not stored twice
        d.endStroke();
        d.beginStroke(5, 5);
        assertEquals(2, d.strokes().size(), "the stroke being drawn counts");
        assertEquals(2, d.strokes().get(0).points().size());
        d.undo();
        assertEquals(1, d.strokes().size());
        d.undo();
        assertTrue(d.isEmpty());
        d.undo(); // nothing left: no error
        d.beginStroke(0, 0);
        d.endStroke();
        d.clear();
        assertTrue(d.isEmpty());
    }

    @Test
    void snapshotsDoNotChangeWhenTheDrawingDoes() {
        Drawing d = new Drawing();
        d.beginStroke(1, 1);
        List<Stroke> snapshot = d.strokes();
        d.addPoint(9, 9);
        d.endStroke();
        assertEquals(1, snapshot.get(0).points().size());
        assertThrows(UnsupportedOperationException.class, () -> snapshot.add(snapshot.get(0)));
    }

    @Test
    void jsonRoundTripKeepsEveryPoint() {
        Drawing d = new Drawing();
        d.beginStroke(1.5, 2);
        d.addPoint(3, 4.25);
        d.endStroke();
        d.beginStroke(7, 8);
        d.endStroke();
        Drawing back = Drawing.fromJson(d.toJson());
        assertEquals(d.strokes(), back.strokes());
        assertEquals("{\"strokes\":[[[1.5,2.0],[3.0,4.25]],[[7.0,8.0]]]}", d.toJson());
    }

    @Test
    void brokenJsonIsRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Drawing.fromJson("{\"strokes\": 3}"));
        assertTrue(e.getMessage().startsWith("not a drawing"));
    }
}
