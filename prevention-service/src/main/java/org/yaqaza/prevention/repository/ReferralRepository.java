package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Referral;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Referrals carry no marking of their own: the list is prevention staff's, and no one else's. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    private static final int LIST_LIMIT = 500;

    private final PreventionAccess access;

    public ReferralRepository(PreventionAccess access) {
        this.access = access;
    }

    /** A referral for prevention staff to decide on; empty for anyone else. */
    public Optional<Referral> findForCase(Caller caller, UUID id) {
        return find("id = :id and :" + PreventionAccess.CASE_STAFF + " = true",
                Map.of("id", id, PreventionAccess.CASE_STAFF, access.isPreventionStaff(caller))).firstResultOptional();
    }

    /** Newest first, at most 500; empty for anyone but prevention staff. */
    public List<Referral> listForCase(Caller caller, DecisionStatus status) {
        Map<String, Object> params = new HashMap<>();
        params.put(PreventionAccess.CASE_STAFF, access.isPreventionStaff(caller));
        String query = ":" + PreventionAccess.CASE_STAFF + " = true";
        if (status != null) {
            query += " and status = :status";
            params.put("status", status);
        }
        return find(query + " order by createdAt desc", params).range(0, LIST_LIMIT - 1).list();
    }
}
