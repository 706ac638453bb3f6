package org.yaqaza.gateway.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.yaqaza.common.persistence.Cursor;
import org.yaqaza.common.persistence.Keysets;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.gateway.model.DirectoryEntry;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Lookups shared by users and clients: by login name, locked for a sign-in, and pages (newest first unless sorted). */
public interface DirectoryRepository<E extends DirectoryEntry> extends PanacheRepositoryBase<E, UUID> {

    /** The entity field holding the login name. */
    String nameField();

    default Optional<E> findByName(String name) {
        return find(nameField(), name).firstResultOptional();
    }

    /** Row-locked, so concurrent guesses at one account are counted one after the other. */
    default Optional<E> findByNameForUpdate(String name) {
        return find(nameField(), name).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    default Page<E> page(PageRequest page) {
        if (page.sort() != null) {
            return Keysets.page(this, null, Map.of(), page, entry -> entry.id);
        }
        Map<String, Object> params = new HashMap<>();
        String query = "1 = 1";
        if (page.cursor() != null) {
            query = "createdAt < :cursorAt or (createdAt = :cursorAt and id < :cursorId)";
            params.put("cursorAt", page.cursor().createdAt());
            params.put("cursorId", page.cursor().id());
        }
        // range is inclusive: one extra row tells whether a next page exists
        List<E> rows = find(query + " order by createdAt desc, id desc", params).range(0, page.limit()).list();
        return Page.fromRows(rows, page.limit(), last -> new Cursor(last.createdAt, last.id).encode());
    }
}
