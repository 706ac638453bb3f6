package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.ContactRequest;
import org.yaqaza.prevention.api.ContactView;
import org.yaqaza.prevention.api.FollowUpView;
import org.yaqaza.prevention.api.MilestoneRequest;
import org.yaqaza.prevention.api.MilestoneView;
import org.yaqaza.prevention.api.OverdueContact;
import org.yaqaza.prevention.api.ReleaseRequest;
import org.yaqaza.prevention.api.ReleaseView;
import org.yaqaza.prevention.api.ReoffenceRequest;
import org.yaqaza.prevention.api.ReoffenceView;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.FollowUpContact;
import org.yaqaza.prevention.model.Milestone;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.model.Reoffence;

/** Release from prison, scheduled follow-up contacts, reintegration milestones and re-offence events. */
@ApplicationScoped
public class FollowUpService {

    static final String OBJECT_TYPE = "follow-up";
    /** Contacts are due this many months after release. */
    public static final int[] CONTACT_MONTHS = { 3, 6, 12, 24 };

    private final ParticipantService participants;
    private final PreventionAccess access;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public FollowUpService(ParticipantService participants, PreventionAccess access, AuditTrail audit,
            EntityManager em, Clock clock) {
        this.participants = participants;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ReleaseRecord release(Caller caller, String code, ReleaseRequest request) {
        Participant p = participants.forCase(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalObligation());
        if (request.enrolmentId() != null) {
            Enrolment enrolment = em.find(Enrolment.class, request.enrolmentId());
            if (enrolment == null || !enrolment.participantId.equals(p.id)) {
                throw ProblemException.unprocessable("Unknown enrolment",
                        "enrolmentId is not an enrolment of this participant.");
            }
        }
        ReleaseRecord release = new ReleaseRecord();
        release.id = UUID.randomUUID();
        release.participantId = p.id;
        release.enrolmentId = request.enrolmentId();
        release.releasedOn = request.releasedOn();
        release.institution = request.institution();
        release.createdAt = clock.instant();
        em.persist(release);
        for (int month : CONTACT_MONTHS) {
            FollowUpContact contact = new FollowUpContact();
            contact.id = UUID.randomUUID();
            contact.releaseId = release.id;
            contact.month = month;
            contact.dueOn = release.releasedOn.plusMonths(month);
            em.persist(contact);
        }
        audit.record("RECORD_RELEASE", OBJECT_TYPE, p.code, p.classification, detail("released "
                + release.releasedOn, request.legalObligation()));
        return release;
    }

    private static String detail(String what, String legalObligation) {
        return legalObligation == null || legalObligation.isBlank() ? what
                : what + " (legal obligation: " + legalObligation + ")";
    }

    private ReleaseRecord releaseForCase(Caller caller, UUID releaseId) {
        access.requireCaseAccess(caller);
        ReleaseRecord release = em.find(ReleaseRecord.class, releaseId);
        if (release == null) {
            throw ProblemException.notFound("Release", releaseId);
        }
        Participant p = em.find(Participant.class, release.participantId);
        participants.forCase(caller, p.code);
        return release;
    }

    @Transactional
    public ReleaseRecord endFollowUp(Caller caller, UUID releaseId, LocalDate endedOn) {
        ReleaseRecord release = releaseForCase(caller, releaseId);
        if (endedOn.isBefore(release.releasedOn)) {
            throw ProblemException.unprocessable("Invalid date", "endedOn is before the release.");
        }
        release.followUpEndedOn = endedOn;
        Participant p = em.find(Participant.class, release.participantId);
        audit.record("END_FOLLOW_UP", OBJECT_TYPE, p.code, p.classification, "ended " + endedOn);
        return release;
    }

    @Transactional
    public FollowUpContact recordContact(Caller caller, UUID contactId, ContactRequest request) {
        access.requireCaseAccess(caller);
        FollowUpContact contact = em.find(FollowUpContact.class, contactId);
        if (contact == null) {
            throw ProblemException.notFound("Follow-up contact", contactId);
        }
        ReleaseRecord release = releaseForCase(caller, contact.releaseId);
        Participant p = em.find(Participant.class, release.participantId);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalObligation());
        contact.doneOn = request.doneOn();
        contact.outcome = request.outcome();
        contact.note = request.note();
        audit.record("RECORD_CONTACT", OBJECT_TYPE, p.code, p.classification,
                detail("contact at " + contact.month + " months", request.legalObligation()));
        return contact;
    }

    @Transactional
    public Milestone milestone(Caller caller, String code, MilestoneRequest request) {
        Participant p = participants.forCase(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalObligation());
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.participantId = p.id;
        m.kind = request.kind();
        m.achievedOn = request.achievedOn();
        m.note = request.note();
        m.createdAt = clock.instant();
        em.persist(m);
        audit.record("RECORD_MILESTONE", OBJECT_TYPE, p.code, p.classification,
                detail(m.kind.name(), request.legalObligation()));
        return m;
    }

    /** Re-offences come from justice records: without follow-up consent they need their legal basis. */
    @Transactional
    public Reoffence reoffence(Caller caller, String code, ReoffenceRequest request) {
        Participant p = participants.forCase(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalBasis());
        Reoffence r = new Reoffence();
        r.id = UUID.randomUUID();
        r.participantId = p.id;
        r.occurredOn = request.occurredOn();
        r.kind = request.kind();
        r.legalBasis = request.legalBasis();
        r.createdAt = clock.instant();
        em.persist(r);
        audit.record("RECORD_REOFFENCE", OBJECT_TYPE, p.code, p.classification,
                detail(r.kind + " on " + r.occurredOn, request.legalBasis()));
        return r;
    }

    @Transactional
    public FollowUpView view(Caller caller, String code) {
        Participant p = participants.forCase(caller, code);
        participants.auditRead(p, "follow-up");
        List<ReleaseView> releases = new ArrayList<>();
        for (ReleaseRecord r : em.createQuery("from ReleaseRecord where participantId = :p order by releasedOn",
                ReleaseRecord.class).setParameter("p", p.id).getResultList()) {
            List<ContactView> contacts = em.createQuery(
                    "from FollowUpContact where releaseId = :r order by month", FollowUpContact.class)
                    .setParameter("r", r.id).getResultList().stream().map(FollowUpService::view).toList();
            releases.add(new ReleaseView(r.id, r.releasedOn, r.institution, r.enrolmentId,
                    r.followUpEndedOn, contacts));
        }
        List<MilestoneView> milestones = em.createQuery(
                "from Milestone where participantId = :p order by achievedOn", Milestone.class)
                .setParameter("p", p.id).getResultList().stream()
                .map(m -> new MilestoneView(m.id, m.kind, m.achievedOn, m.note)).toList();
        List<ReoffenceView> reoffences = em.createQuery(
                "from Reoffence where participantId = :p order by occurredOn", Reoffence.class)
                .setParameter("p", p.id).getResultList().stream()
                .map(r -> new ReoffenceView(r.id, r.occurredOn, r.kind, r.legalBasis)).toList();
        return new FollowUpView(p.code, releases, milestones, reoffences);
    }

    public static ContactView view(FollowUpContact c) {
        return new ContactView(c.id, c.releaseId, c.month, c.dueOn, c.doneOn, c.outcome, c.note);
    }

    /** Contacts past due and not done, for follow-ups still open, of participants the caller may see. */
    @Transactional
    public List<OverdueContact> overdue(Caller caller, LocalDate asOf) {
        access.requireCaseAccess(caller);
        var query = em.createNativeQuery("select c.id, p.code, c.month, c.due_on from follow_up_contact c"
                + " join release_record r on r.id = c.release_id join participant p on p.id = r.participant_id"
                + " where c.done_on is null and c.due_on < :asOf and r.follow_up_ended_on is null"
                + " and p.anonymised_at is null and " + Visibility.sqlPredicate("p")
                + " order by c.due_on, p.code limit 1000").setParameter("asOf", asOf);
        Visibility.parameters(caller).forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> {
            LocalDate due = Sql.date(row[3]);
            return new OverdueContact((UUID) row[0], (String) row[1], ((Number) row[2]).intValue(), due,
                    ChronoUnit.DAYS.between(due, asOf));
        }).toList();
    }
}
