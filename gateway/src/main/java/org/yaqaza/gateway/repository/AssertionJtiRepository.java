package org.yaqaza.gateway.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The jti of every accepted client assertion, kept until the assertion expires: a second use is a replay. */
@ApplicationScoped
public class AssertionJtiRepository {

    private final EntityManager em;

    public AssertionJtiRepository(EntityManager em) {
        this.em = em;
    }

    /** False when the client used this jti before (and it has not expired yet): a replay. */
    public boolean claim(String clientId, String jti, Instant expiresAt, Instant now) {
        em.createNativeQuery("delete from client_assertion_jti where ctid = any(array("
                + "select ctid from client_assertion_jti where expires_at < :now limit 500))")
                .setParameter("now", now).executeUpdate();
        return em.createNativeQuery("insert into client_assertion_jti (client_id, jti, expires_at)"
                + " values (:client, :jti, :expires) on conflict do nothing")
                .setParameter("client", clientId).setParameter("jti", jti).setParameter("expires", expiresAt)
                .executeUpdate() == 1;
    }
}
