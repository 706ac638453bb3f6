package org.yaqaza.liaison.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.common.tracing.TraceContexts;
import org.yaqaza.liaison.model.OutboxMessage;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox messages until they are delivered, each in its own transaction with its row locked (skip
 * locked: several instances share the work). Failures back off exponentially; the Idempotency-Key makes a
 * delivery whose answer was lost harmless to repeat. Requests the other side rejects as invalid (400/422) are
 * parked as FAILED rather than retried forever.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final EntityManager em;
    private final ReportDelivery delivery;
    private final SubmissionService submissions;
    private final LiaisonConfig.Outbox config;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Tracer tracer;

    public OutboxDispatcher(EntityManager em, ReportDelivery delivery, SubmissionService submissions,
            LiaisonConfig config, ObjectMapper json, AuditTrail audit, Clock clock, Tracer tracer) {
        this.em = em;
        this.delivery = delivery;
        this.submissions = submissions;
        this.config = config.outbox();
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.tracer = tracer;
    }

    @Scheduled(identity = "outbox-dispatch", every = "${yaqaza.liaison.outbox.dispatch-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("outbox dispatch failed; retried on the next run", e);
        }
    }

    public int dispatchDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("select id from outbox where status = 'PENDING' and "
                    + "next_attempt_at <= now() order by next_attempt_at limit :n")
                    .setParameter("n", config.batchSize()).getResultList();
            return ids;
        });
        int delivered = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> deliver(id))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(UUID id) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> locked = em.createNativeQuery("select * from outbox where id = :id and status = "
                + "'PENDING' for update skip locked", OutboxMessage.class).setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        OutboxMessage m = locked.get(0);
        // the delivery is a child of the request that wrote the message: one trace from the partner's call to the
        // report created in the intelligence-service, however much later the scheduler runs
        Span span = tracer.spanBuilder("outbox deliver " + m.topic).setSpanKind(SpanKind.INTERNAL)
                .setParent(TraceContexts.fromTraceparent(m.traceParent)).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return deliver(m);
        } finally {
            span.end();
        }
    }

    private boolean deliver(OutboxMessage m) {
        Instant now = clock.instant();
        m.attempts++;
        try {
            PartnerReport report = json.readValue(m.payload, PartnerReport.class);
            UUID reportId = delivery.deliver(m.idempotencyKey, report);
            m.status = OutboxMessage.DELIVERED;
            m.deliveredAt = now;
            m.lastError = null;
            submissions.delivered(m.aggregateId, reportId, now);
            audit.record(AuditActor.system("outbox"), "DELIVER", SubmissionService.OBJECT_TYPE, m.aggregateId,
                    Classification.RESTRICTED, "report " + (reportId == null ? "?" : reportId) + " after "
                            + m.attempts + " attempt(s)");
            return true;
        } catch (ReportDelivery.Rejected e) {
            m.status = OutboxMessage.FAILED;
            m.lastError = e.getMessage();
            audit.record(AuditActor.system("outbox"), "DELIVERY_REJECTED", SubmissionService.OBJECT_TYPE,
                    m.aggregateId, Classification.RESTRICTED, "intelligence-service answered " + e.status());
            LOG.errorf("outbox message %s rejected by the intelligence-service (%d); parked", m.id, e.status());
        } catch (ReportDelivery.NotDelivered | IOException | RuntimeException e) {
            retryLater(m, now, String.valueOf(e.getMessage()));
        }
        return false;
    }

    private void retryLater(OutboxMessage m, Instant now, String error) {
        long factor = 1L << Math.min(m.attempts - 1, 20);
        Duration delay = config.initialBackoff().multipliedBy(factor);
        if (delay.compareTo(config.maxBackoff()) > 0) {
            delay = config.maxBackoff();
        }
        m.nextAttemptAt = now.plus(delay);
        m.lastError = error.length() > 500 ? error.substring(0, 500) : error;
        LOG.debugf("outbox message %s attempt %d failed (%s); next at %s", m.id, m.attempts, error, m.nextAttemptAt);
    }
}
