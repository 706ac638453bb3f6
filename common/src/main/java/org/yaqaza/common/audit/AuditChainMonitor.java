package org.yaqaza.common.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Verifies the audit chain in the background and exports the outcome, so that tampering or corruption raises an
 * alert without waiting for an auditor to ask. The walk is {@link AuditQueries#verify()}: every chain of the
 * database read in batches in position order, one verdict for all, never an append lock, so writers go on
 * meanwhile. Every replica verifies on its own; the alert rules take the worst answer per service.
 */
@Startup // the gauges exist from the first scrape on, before the first verification
@Singleton
public class AuditChainMonitor {

    private static final Logger LOG = Logger.getLogger(AuditChainMonitor.class);

    private final AuditQueries queries;
    private final Clock clock;
    private final Counter errors;

    // NaN until the first verification has finished: "not known yet" must not read as broken or as valid
    private volatile double valid = Double.NaN;
    private volatile double verifiedAtEpochSeconds = Double.NaN;
    private volatile double eventsChecked = Double.NaN;
    private volatile double durationSeconds = Double.NaN;

    public AuditChainMonitor(AuditQueries queries, AuditVerificationConfig config, MeterRegistry registry,
            Clock clock) {
        this.queries = queries;
        this.clock = clock;
        if (Set.of("off", "disabled").contains(config.every().trim().toLowerCase(Locale.ROOT))) {
            LOG.warn("background verification of the audit chain is off (yaqaza.audit.verification.every)");
        } else {
            LOG.infof("audit chain verified in the background every %s, first after %s", config.every(),
                    config.firstAfter());
        }
        Gauge.builder("yaqaza.audit.chain.valid", this, m -> m.valid)
                .description("1 when the last verification found every audit chain intact, 0 when it found a break")
                .register(registry);
        Gauge.builder("yaqaza.audit.chain.last.verification.timestamp", this, m -> m.verifiedAtEpochSeconds)
                .description("When the last verification of the audit chain finished (Unix time)")
                .baseUnit("seconds").register(registry);
        Gauge.builder("yaqaza.audit.chain.verified.events", this, m -> m.eventsChecked)
                .description("Events the last verification checked (up to the first broken link)")
                .register(registry);
        Gauge.builder("yaqaza.audit.chain.verification.duration", this, m -> m.durationSeconds)
                .description("How long the last verification of the audit chain took")
                .baseUnit("seconds").register(registry);
        this.errors = Counter.builder("yaqaza.audit.chain.verification.errors")
                .description("Verifications that could not finish (database unreachable, ...)")
                .register(registry);
    }

    @Scheduled(identity = "audit-chain-verification", every = "${yaqaza.audit.verification.every}",
            delayed = "${yaqaza.audit.verification.first-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            errors.increment();
            LOG.warn("audit chain verification could not finish; tried again at the next run", e);
        }
    }

    /** One verification of the whole chain; its outcome is what the gauges show from now on. */
    public AuditQueries.VerifyResult verifyNow() {
        Instant start = clock.instant();
        AuditQueries.VerifyResult result = queries.verify();
        Instant end = clock.instant();
        boolean intact = "valid".equals(result.status());
        if (!intact && valid != 0) {
            // once per break, not at every run: the gauge and its alert carry it from here
            LOG.errorf("audit chain BROKEN at event %d (chain %d, position %d: %s): treat as a security incident"
                    + " (docs/operations.md)", result.firstBrokenSeq(), result.brokenChain(), result.brokenChainSeq(),
                    result.reason());
        } else if (intact && valid == 0) {
            LOG.warnf("audit chain verifies again (%d events)", result.eventsChecked());
        }
        valid = intact ? 1 : 0;
        eventsChecked = result.eventsChecked();
        durationSeconds = Duration.between(start, end).toNanos() / 1e9;
        verifiedAtEpochSeconds = end.toEpochMilli() / 1000.0;
        return result;
    }
}
