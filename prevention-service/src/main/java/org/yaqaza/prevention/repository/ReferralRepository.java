package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Keysets;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Referral;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Referrals carry no marking of their own: the list is prevention staff's, and no one else's. */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    private final PreventionAccess access;

    public ReferralRepository(PreventionAccess access) {
        this.access = access;
    }

    /** A referral for prevention staff to decide on; empty for anyone else. */
    public Optional<Referral> findForCase(Caller caller, UUID id) {
        return find("id = :id and :" + PreventionAccess.CASE_STAFF + " = true",
                Map.of("id", id, PreventionAccess.CASE_STAFF, access.isPreventionStaff(caller))).firstResultOptional();
    }

    /** One keyset page in the request's order (default newest first); empty for anyone but prevention staff. */
    public Page<Referral> pageForCase(Caller caller, DecisionStatus status, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put(PreventionAccess.CASE_STAFF, access.isPreventionStaff(caller));
        String query = ":" + PreventionAccess.CASE_STAFF + " = true";
        if (status != null) {
            query += " and status = :status";
            params.put("status", status);
        }
        return Keysets.page(this, query, params, page, r -> r.id);
    }
}
