package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Cursor;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.HandoverState;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Handover;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HandoverRepository implements PanacheRepositoryBase<Handover, UUID> {

    private final PreventionAccess access;

    public HandoverRepository(PreventionAccess access) {
        this.access = access;
    }

    /**
     * Newest first, keyset-paged: the handovers of participants the caller may work on (the firewall and the
     * visibility rule in the query, the rule of one handover), pending or decided ({@code null}: both).
     */
    public Page<Handover> pageForCase(Caller caller, HandoverState state, PageRequest page) {
        Map<String, Object> params = access.caseParameters(caller);
        StringBuilder q = new StringBuilder("select h from Handover h, Participant p where p.id = h.participantId and ")
                .append(PreventionAccess.casePredicate("p"));
        if (state == HandoverState.PENDING) {
            q.append(" and h.status = :pending");
            params.put("pending", DecisionStatus.PENDING);
        } else if (state == HandoverState.DECIDED) {
            q.append(" and h.status <> :pending");
            params.put("pending", DecisionStatus.PENDING);
        }
        if (page.cursor() != null) {
            q.append(" and (h.createdAt < :cursorAt or (h.createdAt = :cursorAt and h.id < :cursorId))");
            params.put("cursorAt", page.cursor().createdAt());
            params.put("cursorId", page.cursor().id());
        }
        List<Handover> rows = find(q + " order by h.createdAt desc, h.id desc", params).range(0, page.limit())
                .list();
        return Page.fromRows(rows, page.limit(), h -> new Cursor(h.createdAt, h.id).encode());
    }
}
