package org.yaqaza.gateway.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.yaqaza.common.persistence.Sql;

/** Failed sign-ins and known-good sources of the sign-in throttle; plain rows, no entity needed. */
@ApplicationScoped
public class SignInRepository {

    /** Rows pruned at most per call: pruning rides along with sign-ins and must stay cheap. */
    private static final int PRUNE_BATCH = 500;

    /** Checked failures from one source since a moment: how many, and the latest. */
    public record SourceFailures(long count, Instant latest) {
    }

    private final EntityManager em;

    public SignInRepository(EntityManager em) {
        this.em = em;
    }

    public SourceFailures fromSource(String kind, String name, byte[] source, Instant since) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), max(failed_at) from sign_in_failure"
                + " where kind = :kind and name = :name and source_hash = :source and failed_at > :since")
                .setParameter("kind", kind).setParameter("name", name).setParameter("source", source)
                .setParameter("since", since).getSingleResult();
        return new SourceFailures(((Number) row[0]).longValue(), Sql.instant(row[1]));
    }

    public long ofAccount(String kind, String name, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from sign_in_failure"
                + " where kind = :kind and name = :name and failed_at > :since")
                .setParameter("kind", kind).setParameter("name", name).setParameter("since", since)
                .getSingleResult()).longValue();
    }

    /** The time of the account's failure at {@code offset} (0 = oldest) since a moment. */
    public Instant accountFailureAt(String kind, String name, Instant since, long offset) {
        return Sql.instant(em.createNativeQuery("select failed_at from sign_in_failure"
                + " where kind = :kind and name = :name and failed_at > :since order by failed_at offset :offset limit 1")
                .setParameter("kind", kind).setParameter("name", name).setParameter("since", since)
                .setParameter("offset", offset).getResultStream().findFirst().orElse(null));
    }

    public boolean isKnownSource(String kind, String name, byte[] source, Instant since) {
        return !em.createNativeQuery("select 1 from sign_in_known_source where kind = :kind and name = :name"
                + " and source_hash = :source and last_success_at > :since")
                .setParameter("kind", kind).setParameter("name", name).setParameter("source", source)
                .setParameter("since", since).getResultList().isEmpty();
    }

    public void recordFailure(String kind, String name, byte[] source, Instant at, Instant forgetBefore) {
        em.createNativeQuery("insert into sign_in_failure (kind, name, source_hash, failed_at)"
                + " values (:kind, :name, :source, :at)")
                .setParameter("kind", kind).setParameter("name", name).setParameter("source", source)
                .setParameter("at", at).executeUpdate();
        em.createNativeQuery("delete from sign_in_failure where ctid = any(array("
                + "select ctid from sign_in_failure where failed_at <= :before limit " + PRUNE_BATCH + "))")
                .setParameter("before", forgetBefore).executeUpdate();
    }

    /** The source's failures are forgotten and the source remembered as good for the account. */
    public void recordSuccess(String kind, String name, byte[] source, Instant at, Instant forgetKnownBefore) {
        em.createNativeQuery("delete from sign_in_failure where kind = :kind and name = :name"
                + " and source_hash = :source")
                .setParameter("kind", kind).setParameter("name", name).setParameter("source", source)
                .executeUpdate();
        em.createNativeQuery("insert into sign_in_known_source (kind, name, source_hash, last_success_at)"
                + " values (:kind, :name, :source, :at) on conflict (kind, name, source_hash)"
                + " do update set last_success_at = excluded.last_success_at")
                .setParameter("kind", kind).setParameter("name", name).setParameter("source", source)
                .setParameter("at", at).executeUpdate();
        em.createNativeQuery("delete from sign_in_known_source where ctid = any(array("
                + "select ctid from sign_in_known_source where last_success_at <= :before limit " + PRUNE_BATCH
                + "))")
                .setParameter("before", forgetKnownBefore).executeUpdate();
    }

    /** Forgets every failure of the account (an administrator lifted its throttling). */
    public void clearFailures(String kind, String name) {
        em.createNativeQuery("delete from sign_in_failure where kind = :kind and name = :name")
                .setParameter("kind", kind).setParameter("name", name).executeUpdate();
    }
}
