package org.yaqaza.common.persistence;

import org.yaqaza.common.problem.ProblemException;

/** A validated page size and cursor. */
public record PageRequest(Cursor cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("Invalid page size",
                    "limit must be between 1 and " + MAX_LIMIT + ".", "limit");
        }
        return new PageRequest(Cursor.decode(cursor), size);
    }
}
