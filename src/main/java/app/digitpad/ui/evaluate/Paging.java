package app.digitpad.ui.evaluate;

import java.util.Locale;

/**
 * One page of a long list: which items {@code [from, to)} it shows and how to say so
 * ("1–60 of 1,135"). Page numbers start at 0 and are clamped, so a shrunk list never leaves the
 * view on a page that no longer exists.
 */
public record Paging(int total, int pageSize, int page) {
    public Paging {
        if (total < 0 || pageSize <= 0) {
            throw new IllegalArgumentException("total " + total + ", page size " + pageSize);
        }
        page = Math.max(0, Math.min(page, pages(total, pageSize) - 1));
    }

    public static Paging first(int total, int pageSize) {
        return new Paging(total, pageSize, 0);
    }

    /** At least 1: an empty list has one empty page. */
    public int pages() {
        return pages(total, pageSize);
    }

    private static int pages(int total, int pageSize) {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public int from() {
        return Math.min(total, page * pageSize);
    }

    public int to() {
        return Math.min(total, from() + pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page < pages() - 1;
    }

    public Paging next() {
        return new Paging(total, pageSize, page + 1);
    }

    public Paging previous() {
        return new Paging(total, pageSize, page - 1);
    }

    /** "1–60 of 1,135", "7 of 7", "0 of 0". */
    public String label() {
        if (total == 0) {
            return "0 of 0";
        }
        if (to() - from() == total) {
            return String.format(Locale.ROOT, "%,d of %,d", total, total);
        }
        return String.format(Locale.ROOT, "%,d–%,d of %,d", from() + 1, to(), total);
    }
}
