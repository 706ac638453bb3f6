package org.yaqaza.gateway.api;

import java.util.List;

/** A page of results; pass {@code nextCursor} back as {@code cursor} for the next page (null: last page). */
public record PageView<T>(List<T> items, String nextCursor) {
}
