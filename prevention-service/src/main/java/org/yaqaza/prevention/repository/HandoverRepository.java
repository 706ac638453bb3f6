package org.yaqaza.prevention.repository;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Keysets;
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
     * One keyset page in the request's order (default newest first): the handovers of participants the caller
     * may work on (the firewall and the visibility rule inside the query, the rule of one handover), pending or
     * decided ({@code null}: both).
     */
    public Page<Handover> pageForCase(Caller caller, HandoverState state, PageRequest page) {
        Map<String, Object> params = access.caseParameters(caller);
        StringBuilder q = new StringBuilder("participantId in (select p.id from Participant p where ")
                .append(PreventionAccess.casePredicate("p")).append(")");
        if (state == HandoverState.PENDING) {
            q.append(" and status = :pending");
            params.put("pending", DecisionStatus.PENDING);
        } else if (state == HandoverState.DECIDED) {
            q.append(" and status <> :pending");
            params.put("pending", DecisionStatus.PENDING);
        }
        return Keysets.page(this, q.toString(), params, page, h -> h.id);
    }
}
