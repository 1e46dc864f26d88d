package app.digitpad.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void aLargeCellIsSplitIntoPagesOfSixty() {
        Paging first = Paging.first(1135, 60);
        assertEquals(19, first.pages());
        assertEquals(0, first.from());
        assertEquals(60, first.to());
        assertEquals("1–60 of 1,135", first.label());
        assertFalse(first.hasPrevious());
        assertTrue(first.hasNext());
        Paging second = first.next();
        assertEquals("61–120 of 1,135", second.label());
        Paging last = new Paging(1135, 60, 18);
        assertEquals(1080, last.from());
        assertEquals(1135, last.to());
        assertEquals("1,081–1,135 of 1,135", last.label());
        assertFalse(last.hasNext());
        assertEquals(last, last.next(), "next on the last page stays there");
        assertEquals(first, first.previous());
    }

    @Test
    void smallAndEmptyCellsHaveOnePage() {
        Paging seven = Paging.first(7, 60);
        assertEquals(1, seven.pages());
        assertEquals(7, seven.to());
        assertEquals("7 of 7", seven.label());
        Paging none = Paging.first(0, 60);
        assertEquals(1, none.pages());
        assertEquals(0, none.from());
        assertEquals(0, none.to());
        assertEquals("0 of 0", none.label());
        assertFalse(none.hasNext());
    }

    @Test
    void anExactMultipleHasNoEmptyLastPageAndPagesAreClamped() {
        assertEquals(2, Paging.first(120, 60).pages());
        assertEquals(new Paging(120, 60, 1), new Paging(120, 60, 99));
        assertEquals(0, new Paging(120, 60, -3).page());
        assertEquals("61–120 of 120", new Paging(120, 60, 1).label());
        assertThrows(IllegalArgumentException.class, () -> new Paging(10, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Paging(-1, 60, 0));
    }
}
