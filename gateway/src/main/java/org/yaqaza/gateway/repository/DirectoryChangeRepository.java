package org.yaqaza.gateway.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.yaqaza.common.persistence.Cursor;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.gateway.model.DirectoryChange;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DirectoryChangeRepository implements PanacheRepositoryBase<DirectoryChange, UUID> {

    /** Row-locked, so that two administrators deciding at once decide one after the other. */
    public Optional<DirectoryChange> findForDecision(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Newest first; {@code status} null for every change. */
    public Page<DirectoryChange> page(String status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder query = new StringBuilder("1 = 1");
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (page.cursor() != null) {
            query.append(" and (requestedAt < :cursorAt or (requestedAt = :cursorAt and id < :cursorId))");
            params.put("cursorAt", page.cursor().createdAt());
            params.put("cursorId", page.cursor().id());
        }
        List<DirectoryChange> rows = find(query + " order by requestedAt desc, id desc", params)
                .range(0, page.limit()).list();
        return Page.fromRows(rows, page.limit(), last -> new Cursor(last.requestedAt, last.id).encode());
    }
}
