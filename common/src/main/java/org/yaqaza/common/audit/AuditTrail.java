package org.yaqaza.common.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ProtectedRecord;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Appends audit events in the caller's transaction, so an event exists exactly when its change does. Each event's
 * hash covers its predecessor's, so writers to one chain take turns at its tail under a transaction-scoped
 * advisory lock, held until COMMIT. A database has {@code yaqaza.audit.chains} chains (issue 21): a transaction
 * takes the first chain whose lock is free, starting at a random one, and waits only when all are busy, so up to
 * that many audited transactions commit at once (their WAL flushes grouped) instead of strictly one after another.
 * The chains verify as one ({@link AuditQueries#verify()}). The locks live in the database, so this holds across
 * replicas.
 */
@ApplicationScoped
public class AuditTrail {

    /** Advisory lock key of chain 0's tail; chain k's is this plus k. Unique within the database. */
    private static final long CHAIN_LOCK = 0x59415141L;

    /** Transaction resource: the chain this transaction already holds, so later appends in it reuse its lock. */
    private static final Object HELD_CHAIN = new Object();

    private final EntityManager em;
    private final Instance<CurrentCaller> caller;
    private final Instance<CurrentVertxRequest> currentRequest;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transaction;
    private final int chains;

    public AuditTrail(EntityManager em, Instance<CurrentCaller> caller, Instance<CurrentVertxRequest> currentRequest,
            Clock clock, TransactionSynchronizationRegistry transaction,
            @ConfigProperty(name = "yaqaza.audit.chains", defaultValue = "8") int chains) {
        if (chains < 1 || chains > 1000) {
            throw new IllegalArgumentException("yaqaza.audit.chains must be between 1 and 1000, not " + chains);
        }
        this.em = em;
        this.caller = caller;
        this.currentRequest = currentRequest;
        this.clock = clock;
        this.transaction = transaction;
        this.chains = chains;
    }

    /** A write (or any action) by the current caller. */
    @Transactional
    public void record(String action, String objectType, Object objectId, Classification classification,
            String detail) {
        append(List.of(event(currentActor(), action, objectType, objectId, classification, detail)));
    }

    /** An action by an explicit actor (no verified caller, e.g. a login attempt or a scheduled job). */
    @Transactional
    public void record(AuditActor actor, String action, String objectType, Object objectId,
            Classification classification, String detail) {
        append(List.of(event(actor, action, objectType, objectId, classification, detail)));
    }

    /**
     * One event per detail, the same action of one actor, appended together: one turn at the chain's tail and
     * one round trip, however many (every name of a screened chunk, say).
     */
    @Transactional
    public void recordAll(AuditActor actor, String action, String objectType, List<String> details) {
        if (!details.isEmpty()) {
            append(details.stream().map(detail -> event(actor, action, objectType, null, null, detail)).toList());
        }
    }

    /** Reads are audited for records at CONFIDENTIAL or above. */
    @Transactional
    public void read(String objectType, ProtectedRecord record) {
        readAll(objectType, List.of(record));
    }

    @Transactional
    public void readAll(String objectType, Collection<? extends ProtectedRecord> records) {
        AuditActor actor = null;
        List<AuditEvent> events = new java.util.ArrayList<>();
        for (ProtectedRecord record : records) {
            if (record.classification.dominates(Classification.CONFIDENTIAL)) {
                actor = actor == null ? currentActor() : actor;
                events.add(event(actor, "READ", objectType, record.id, record.classification, null));
            }
        }
        if (!events.isEmpty()) {
            append(events);
        }
    }

    private void append(List<AuditEvent> events) {
        // the transaction's pending writes (a report's insert and its full-text trigger) go first, outside the lock:
        // other writers to the same chain wait only for the tail read, the events' inserts, what the caller does
        // after this, the commit
        em.flush();
        int chain = holdChain();
        // global numbers drawn under the chain's lock, so that they rise along each chain too
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select s.seq, t.chain_seq, t.hash from (select nextval("
                + "'audit_event_seq') as seq from generate_series(1, " + events.size() + ")) s left join (select"
                + " chain_seq, hash from audit_event where chain = " + chain + " order by chain_seq desc limit 1) t"
                + " on true order by s.seq").getResultList();
        long position = rows.get(0)[1] == null ? 0 : ((Number) rows.get(0)[1]).longValue();
        String previous = rows.get(0)[2] == null ? AuditChain.GENESIS : (String) rows.get(0)[2];
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            event.seq = ((Number) rows.get(i)[0]).longValue();
            event.chain = (short) chain;
            event.chainSeq = ++position;
            event.prevHash = previous;
            event.hash = AuditChain.hash(event);
            previous = event.hash;
            em.persist(event);
        }
        em.flush();
    }

    /**
     * The chain this transaction appends to, its tail locked until COMMIT: the one it already holds, else the first
     * free one from a random start (one round trip; the LIMIT stops the scan at the first lock taken), else it
     * waits for the start one. One chain per transaction: two held chains could deadlock with another writer.
     */
    private int holdChain() {
        Integer held = (Integer) transaction.getResource(HELD_CHAIN);
        if (held != null) {
            return held;
        }
        int start = ThreadLocalRandom.current().nextInt(chains);
        @SuppressWarnings("unchecked")
        List<Number> free = em.createNativeQuery("select k from (select (" + start + " + i) % " + chains
                + " as k from generate_series(0, " + (chains - 1) + ") as i) c where pg_try_advisory_xact_lock("
                + CHAIN_LOCK + " + k) limit 1").getResultList();
        int chain;
        if (free.isEmpty()) {
            em.createNativeQuery("select pg_advisory_xact_lock(" + (CHAIN_LOCK + start) + ")").getSingleResult();
            chain = start;
        } else {
            chain = free.get(0).intValue();
        }
        transaction.putResource(HELD_CHAIN, chain);
        return chain;
    }

    private AuditEvent event(AuditActor actor, String action, String objectType, Object objectId,
            Classification classification, String detail) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = clock.instant();
        e.subject = actor.subject();
        e.roles = actor.rolesText();
        e.agency = actor.agency();
        e.partner = actor.partner();
        e.action = action;
        e.objectType = objectType;
        e.objectId = objectId == null ? null : objectId.toString();
        e.classification = classification == null ? null : (short) classification.level();
        e.requestId = RequestIds.current();
        e.clientAddress = clientAddress();
        e.detail = detail;
        return e;
    }

    private AuditActor currentActor() {
        if (Arc.container().requestContext().isActive() && caller.isResolvable()) {
            try {
                return AuditActor.of(caller.get().get());
            } catch (RuntimeException anonymous) {
                // no verified caller on this request: recorded as anonymous below
            }
        }
        return new AuditActor("anonymous", java.util.Set.of(), null, null);
    }

    private String clientAddress() {
        if (!Arc.container().requestContext().isActive() || !currentRequest.isResolvable()) {
            return null;
        }
        RoutingContext rc = currentRequest.get().getCurrent();
        if (rc == null || rc.request().remoteAddress() == null) {
            return null;
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
