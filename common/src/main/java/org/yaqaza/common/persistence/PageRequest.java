package org.yaqaza.common.persistence;

import org.yaqaza.common.problem.ProblemException;

/**
 * A validated page size and cursor; for a sortable route also the chosen order and the keyset cursor issued for
 * it ({@link #sorted}). Routes without a sort keep the newest-first {@link Cursor}.
 */
public record PageRequest(Cursor cursor, int limit, Sorting.Sort<?> sort, SortCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest(Cursor cursor, int limit) {
        this(cursor, limit, null, null);
    }

    public static PageRequest of(String cursor, Integer limit) {
        return new PageRequest(Cursor.decode(cursor), size(limit));
    }

    /**
     * A page of a list sorted by the {@code sort} parameter (one of {@code sorting}'s fields, default its
     * default order); a cursor issued for another order, or not by this API, is a 400.
     */
    public static <E> PageRequest sorted(String cursor, Integer limit, String sort, Sorting<E> sorting) {
        int size = size(limit);
        Sorting.Sort<E> order = sorting.parse(sort);
        SortCursor after = SortCursor.decode(cursor);
        if (after != null) {
            order.key(after); // fails now, before any query, when the cursor is for another order
        }
        return new PageRequest(null, size, order, after);
    }

    private static int size(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("Invalid page size",
                    "limit must be between 1 and " + MAX_LIMIT + ".", "limit");
        }
        return size;
    }
}
