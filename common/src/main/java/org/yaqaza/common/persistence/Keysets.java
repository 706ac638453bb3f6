package org.yaqaza.common.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Keyset paging of a Panache repository in the order a {@link PageRequest#sorted sorted} request chose. */
public final class Keysets {

    private Keysets() {
    }

    /**
     * One page of the rows matching {@code where} (JPQL, may be blank) after the request's cursor, in its order,
     * ties broken by id; {@code idOf} reads a row's id for the next cursor.
     */
    @SuppressWarnings("unchecked")
    public static <E> Page<E> page(PanacheRepositoryBase<E, UUID> repo, String where, Map<String, Object> params,
            PageRequest page, Function<E, UUID> idOf) {
        Sorting.Sort<E> sort = (Sorting.Sort<E>) page.sort();
        Map<String, Object> all = new HashMap<>(params == null ? Map.of() : params);
        String query = where == null || where.isBlank() ? "1 = 1" : "(" + where + ")";
        if (page.after() != null) {
            query += " and " + sort.after();
            all.put("sortKey", sort.key(page.after()));
            all.put("sortId", page.after().uuid());
        }
        // range is inclusive: one extra row tells whether a next page exists
        List<E> rows = repo.find(query + " order by " + sort.orderBy(), all).range(0, page.limit()).list();
        return Page.fromRows(rows, page.limit(), last -> sort.cursorAfter(last, idOf.apply(last)));
    }
}
