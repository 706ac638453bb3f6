package org.yaqaza.liaison.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.model.Partner;

@ApplicationScoped
public class PartnerRepository implements VisibleRepository<Partner> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    public Optional<Partner> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The partner with this code, if the caller may see it. */
    public Optional<Partner> findVisibleByCode(Caller caller, String code) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("code", code);
        return find("code = :code and " + Visibility.predicate(), params).firstResultOptional();
    }

    /** Another partner already lists this client id (a machine client acts for one partner only). */
    public boolean clientIdTakenElsewhere(String clientId, UUID partnerId) {
        Number n = (Number) getEntityManager().createNativeQuery(
                "select count(*) from partner where :cid = any (client_ids) and id <> :id")
                .setParameter("cid", clientId)
                .setParameter("id", partnerId == null ? new UUID(0, 0) : partnerId)
                .getSingleResult();
        return n.longValue() > 0;
    }
}
