package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.prevention.config.PreventionConfig;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.repository.ParticipantRepository;

import io.quarkus.scheduler.Scheduled;

/**
 * Anonymises participants whose retention period has ended: the period runs from the end of follow-up (the
 * latest closed follow-up, else the end of the last enrolment, else registration) and never while a follow-up
 * or an enrolment is still open. Identity ciphertexts and free-text notes are erased; codes, dates and states
 * stay, so every statistic is the same before and after. Each anonymisation is audited.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final AuditActor ACTOR = AuditActor.system("retention");

    /** Participants anonymised per run at most; the rest wait for the next run. */
    private static final int BATCH = 5000;

    private final PreventionConfig config;
    private final ParticipantRepository participants;
    private final AuditTrail audit;
    private final Clock clock;

    public RetentionService(PreventionConfig config, ParticipantRepository participants, AuditTrail audit,
            Clock clock) {
        this.config = config;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "prevention-retention", every = "${yaqaza.prevention.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.retention().enabled()) {
            return;
        }
        int done = anonymiseDue(LocalDate.now(clock));
        if (done > 0) {
            LOG.infof("retention: anonymised %d participants", done);
        }
    }

    /** Participants past retention on {@code today}; returns how many were anonymised. */
    @Transactional
    public int anonymiseDue(LocalDate today) {
        List<UUID> due = participants.dueForAnonymisation(today.minusMonths(config.retention().months()), BATCH);
        for (UUID id : due) {
            anonymise(participants.findById(id));
        }
        return due.size();
    }

    private void anonymise(Participant p) {
        p.fullNameAr = null;
        p.fullNameLatin = null;
        p.nationalId = null;
        p.birthDate = null;
        p.anonymisedAt = clock.instant();
        participants.eraseCaseNotes(p.id);
        audit.record(ACTOR, "ANONYMISE", ParticipantService.OBJECT_TYPE, p.code, p.classification,
                "retention of " + config.retention().months() + " months after end of follow-up");
    }
}
