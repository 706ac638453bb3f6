package org.yaqaza.common.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of results and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code rows} read with one row more than {@code limit}: that extra row only tells that a next
     * page exists, whose cursor is {@code cursorOf} the page's last item.
     */
    public static <T> Page<T> fromRows(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
