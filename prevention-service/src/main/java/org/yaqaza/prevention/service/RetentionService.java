package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.prevention.config.PreventionConfig;
import org.yaqaza.prevention.model.Participant;

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

    private final PreventionConfig config;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public RetentionService(PreventionConfig config, AuditTrail audit, EntityManager em, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.em = em;
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
        LocalDate cutoff = today.minusMonths(config.retention().months());
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("select p.id from participant p where p.anonymised_at is null"
                + " and not exists (select 1 from release_record r where r.participant_id = p.id"
                + " and r.follow_up_ended_on is null)"
                + " and not exists (select 1 from enrolment e where e.participant_id = p.id"
                + " and e.state not in ('COMPLETED', 'WITHDRAWN', 'EXCLUDED'))"
                + " and coalesce((select max(r.follow_up_ended_on) from release_record r"
                + " where r.participant_id = p.id), (select max(e.ended_on) from enrolment e"
                + " where e.participant_id = p.id), cast(p.created_at as date)) < :cutoff"
                + " order by p.id limit 5000 for update of p skip locked").setParameter("cutoff", cutoff)
                .getResultList();
        for (UUID id : due) {
            anonymise(em.find(Participant.class, id));
        }
        return due.size();
    }

    private void anonymise(Participant p) {
        p.fullNameAr = null;
        p.fullNameLatin = null;
        p.nationalId = null;
        p.birthDate = null;
        p.anonymisedAt = clock.instant();
        em.createNativeQuery("update consent set note = null where participant_id = :p").setParameter("p", p.id)
                .executeUpdate();
        em.createNativeQuery("update milestone set note = null where participant_id = :p").setParameter("p", p.id)
                .executeUpdate();
        em.createNativeQuery("update follow_up_contact set note = null, outcome = null where release_id in"
                + " (select id from release_record where participant_id = :p)").setParameter("p", p.id)
                .executeUpdate();
        em.createNativeQuery("update assessment set rationale = '[anonymised]', ratings = (select"
                + " coalesce(jsonb_agg(r - 'evidence'), '[]'::jsonb) from jsonb_array_elements(ratings) r)"
                + " where enrolment_id in (select id from enrolment where participant_id = :p)")
                .setParameter("p", p.id).executeUpdate();
        em.createNativeQuery("update handover set summary = '[anonymised]' where participant_id = :p")
                .setParameter("p", p.id).executeUpdate();
        audit.record(ACTOR, "ANONYMISE", ParticipantService.OBJECT_TYPE, p.code, p.classification,
                "retention of " + config.retention().months() + " months after end of follow-up");
    }
}
