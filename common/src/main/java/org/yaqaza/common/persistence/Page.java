package org.yaqaza.common.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of results and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
