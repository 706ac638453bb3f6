package org.yaqaza.liaison.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Looks for warnings past their acknowledgement deadline and escalates them to supervisors. */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    private final WarningService warnings;

    public EscalationJob(WarningService warnings) {
        this.warnings = warnings;
    }

    @Scheduled(identity = "warning-escalation", every = "${yaqaza.liaison.warnings.escalation-every}",
            delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int n = warnings.escalateOverdue();
            if (n > 0) {
                LOG.infof("escalated %d overdue warning(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("warning escalation failed; retried on the next run", e);
        }
    }
}
