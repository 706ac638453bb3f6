package org.yaqaza.liaison.service;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.yaqaza.liaison.config.LiaisonMetricsConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The liaison work an operator must see stall: the outbox to the intelligence-service (backlog, age of the
 * oldest pending message, messages parked as FAILED) and threat warnings past their acknowledgement deadline that
 * the escalation job has not escalated. One statement on partial indexes (V4) computes them every
 * {@code yaqaza.liaison.metrics.refresh-every}; a scrape reads the cached values and never the database.
 * The figures are database-wide, so every replica reports the same ones.
 */
@Startup // the gauges exist from the first scrape on
@Singleton
public class LiaisonMetrics {

    private static final Logger LOG = Logger.getLogger(LiaisonMetrics.class);

    // the deadline is compared with the database clock, as the escalation job does
    private static final String SNAPSHOT = """
            select (select count(*) from outbox where status = 'PENDING'),
                   (select coalesce(extract(epoch from now() - min(created_at)), 0)
                      from outbox where status = 'PENDING'),
                   (select count(*) from outbox where status = 'FAILED'),
                   (select count(*) from warning
                     where status = 'ISSUED' and acknowledged_at is null and escalated_at is null
                       and deadline_at <= now())""";

    private final EntityManager em;

    private volatile Snapshot last = Snapshot.UNKNOWN;

    record Snapshot(double outboxPending, double outboxOldestPendingAgeSeconds, double outboxFailed,
            double warningsOverdueUnescalated) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public LiaisonMetrics(EntityManager em, LiaisonMetricsConfig config, MeterRegistry registry) {
        this.em = em;
        LOG.debugf("outbox and warning gauges recomputed every %s", config.refreshEvery());
        Gauge.builder("yaqaza.outbox.pending", this, m -> m.last.outboxPending())
                .description("Outbox messages not yet delivered to the intelligence-service (retrying)")
                .register(registry);
        Gauge.builder("yaqaza.outbox.oldest.pending.age", this, m -> m.last.outboxOldestPendingAgeSeconds())
                .description("Age of the oldest outbox message not yet delivered; 0 when none is pending")
                .baseUnit("seconds").register(registry);
        Gauge.builder("yaqaza.outbox.failed", this, m -> m.last.outboxFailed())
                .description("Outbox messages the intelligence-service refused, parked until an operator requeues them")
                .register(registry);
        Gauge.builder("yaqaza.warnings.overdue.unescalated", this, m -> m.last.warningsOverdueUnescalated())
                .description("Threat warnings past their acknowledgement deadline, unacknowledged and not escalated")
                .register(registry);
    }

    @Scheduled(identity = "liaison-metrics", every = "${yaqaza.liaison.metrics.refresh-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the last values stay: a database outage is what the service-down and pool alerts are for
            LOG.warn("liaison gauges not refreshed; tried again at the next run", e);
        }
    }

    /** Recomputes every gauge now. */
    public void refresh() {
        Object[] row = QuarkusTransaction.requiringNew()
                .call(() -> (Object[]) em.createNativeQuery(SNAPSHOT).getSingleResult());
        last = new Snapshot(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
