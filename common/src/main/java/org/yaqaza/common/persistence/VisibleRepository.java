package org.yaqaza.common.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Visibility;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Repository methods that always apply the visibility rule inside the query. Services reach protected records
 * only through these, so a hidden record is absent from lists, counts and pages and answers 404 by id.
 */
public interface VisibleRepository<E extends ProtectedRecord> extends PanacheRepositoryBase<E, UUID> {

    default Optional<E> findVisible(Caller caller, UUID id) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("id", id);
        return find("id = :id and " + Visibility.predicate(), params).firstResultOptional();
    }

    /** The record if visible, locked until the transaction ends: for a change decided on what was read. */
    default Optional<E> findVisibleForUpdate(Caller caller, UUID id) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("id", id);
        return find("id = :id and " + Visibility.predicate(), params).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The record, or a 404 that is indistinguishable from a missing one. */
    default E getVisible(Caller caller, UUID id, String what) {
        return findVisible(caller, id).orElseThrow(() -> ProblemException.notFound(what, id));
    }

    default long countVisible(Caller caller, String where, Map<String, Object> params) {
        return count(restrict(where), merge(caller, params));
    }

    default List<E> listVisible(Caller caller, String where, Map<String, Object> params) {
        return list(restrict(where) + " order by createdAt desc, id desc", merge(caller, params));
    }

    /** Newest first, keyset-paginated; in the chosen order instead when the request is {@link PageRequest#sorted}. */
    default Page<E> pageVisible(Caller caller, String where, Map<String, Object> params, PageRequest page) {
        Map<String, Object> all = merge(caller, params);
        if (page.sort() != null) {
            // visibility stays inside the query: sorting never reaches or reveals a hidden row
            return Keysets.page(this, restrict(where), all, page, row -> row.id);
        }
        String query = restrict(where);
        if (page.cursor() != null) {
            query += " and (createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId))";
            all.put("cursorAt", page.cursor().createdAt());
            all.put("cursorId", page.cursor().id());
        }
        // range is inclusive: one extra row tells whether a next page exists
        List<E> rows = find(query + " order by createdAt desc, id desc", all).range(0, page.limit()).list();
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        rows = rows.subList(0, page.limit());
        E last = rows.get(rows.size() - 1);
        return new Page<>(List.copyOf(rows), new Cursor(last.createdAt, last.id).encode());
    }

    private static String restrict(String where) {
        return where == null || where.isBlank() ? Visibility.predicate()
                : "(" + where + ") and " + Visibility.predicate();
    }

    private static Map<String, Object> merge(Caller caller, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(Visibility.parameters(caller));
        if (params != null) {
            all.putAll(params);
        }
        return all;
    }
}
