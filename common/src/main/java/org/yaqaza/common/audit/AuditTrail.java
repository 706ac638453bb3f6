package org.yaqaza.common.audit;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ProtectedRecord;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Appends audit events in the caller's transaction, so an event exists exactly when its change does. A
 * transaction-scoped advisory lock serialises appends: each event's hash covers its predecessor's, so
 * concurrent writers must take turns at the tail of the chain.
 */
@ApplicationScoped
public class AuditTrail {

    /** Advisory lock key for the chain's tail; any constant unique within the database. */
    private static final long CHAIN_LOCK = 0x59415141L;

    private final EntityManager em;
    private final Instance<CurrentCaller> caller;
    private final Instance<CurrentVertxRequest> currentRequest;
    private final Clock clock;

    public AuditTrail(EntityManager em, Instance<CurrentCaller> caller, Instance<CurrentVertxRequest> currentRequest,
            Clock clock) {
        this.em = em;
        this.caller = caller;
        this.currentRequest = currentRequest;
        this.clock = clock;
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
        // other writers wait only for the tail read, the events' inserts, what the caller does after this, the commit
        em.flush();
        em.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> tail = em.createNativeQuery("select seq, hash from audit_event order by seq desc limit 1")
                .getResultList();
        long seq = tail.isEmpty() ? 0 : ((Number) tail.get(0)[0]).longValue();
        String previous = tail.isEmpty() ? AuditChain.GENESIS : (String) tail.get(0)[1];
        for (AuditEvent event : events) {
            event.seq = ++seq;
            event.prevHash = previous;
            event.hash = AuditChain.hash(event);
            previous = event.hash;
            em.persist(event);
        }
        em.flush();
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
