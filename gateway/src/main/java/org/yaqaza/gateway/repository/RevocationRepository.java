package org.yaqaza.gateway.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.yaqaza.common.persistence.Sql;

/** Since when the tokens of recently changed users and clients are good (names share one namespace). */
@ApplicationScoped
public class RevocationRepository {

    private final EntityManager em;

    public RevocationRepository(EntityManager em) {
        this.em = em;
    }

    /** Subjects whose tokens_valid_after is after {@code since}, with that instant. */
    public Map<String, Instant> validAfterSince(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select username, tokens_valid_after from directory_user"
                + " where tokens_valid_after > :since union all select client_id, tokens_valid_after"
                + " from machine_client where tokens_valid_after > :since")
                .setParameter("since", since).getResultList();
        Map<String, Instant> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], Sql.instant(row[1]));
        }
        return result;
    }
}
