package org.yaqaza.gateway.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.yaqaza.gateway.model.DirectoryEntry;

/** Failed sign-ins within the lock-out window; plain rows, no entity needed. */
@ApplicationScoped
public class AuthFailureRepository {

    private final EntityManager em;

    public AuthFailureRepository(EntityManager em) {
        this.em = em;
    }

    /** Records a failure, forgets those older than {@code windowStart} and returns how many remain. */
    public long recordAndCount(DirectoryEntry entry, Instant at, Instant windowStart) {
        em.createNativeQuery(
                "delete from auth_failure where kind = :kind and principal_id = :id and failed_at <= :start")
                .setParameter("kind", entry.kind()).setParameter("id", entry.id).setParameter("start", windowStart)
                .executeUpdate();
        em.createNativeQuery("insert into auth_failure (kind, principal_id, failed_at) values (:kind, :id, :at)")
                .setParameter("kind", entry.kind()).setParameter("id", entry.id).setParameter("at", at)
                .executeUpdate();
        return ((Number) em.createNativeQuery(
                "select count(*) from auth_failure where kind = :kind and principal_id = :id")
                .setParameter("kind", entry.kind()).setParameter("id", entry.id).getSingleResult()).longValue();
    }

    public void clear(DirectoryEntry entry) {
        clear(entry.kind(), entry.id);
    }

    public void clear(String kind, UUID id) {
        em.createNativeQuery("delete from auth_failure where kind = :kind and principal_id = :id")
                .setParameter("kind", kind).setParameter("id", id).executeUpdate();
    }
}
