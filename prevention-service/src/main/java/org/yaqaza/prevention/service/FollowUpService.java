package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.ContactRequest;
import org.yaqaza.prevention.api.FollowUpView;
import org.yaqaza.prevention.api.MilestoneRequest;
import org.yaqaza.prevention.api.OverdueContact;
import org.yaqaza.prevention.api.ReleaseRequest;
import org.yaqaza.prevention.api.ReleaseView;
import org.yaqaza.prevention.api.ReoffenceRequest;
import org.yaqaza.prevention.mapping.FollowUpMapper;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.FollowUpContact;
import org.yaqaza.prevention.model.Milestone;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.model.Reoffence;
import org.yaqaza.prevention.repository.EnrolmentRepository;
import org.yaqaza.prevention.repository.FollowUpContactRepository;
import org.yaqaza.prevention.repository.MilestoneRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ReleaseRecordRepository;
import org.yaqaza.prevention.repository.ReoffenceRepository;

/** Release from prison, scheduled follow-up contacts, reintegration milestones and re-offence events. */
@ApplicationScoped
public class FollowUpService {

    static final String OBJECT_TYPE = "follow-up";
    /** Contacts are due this many months after release. */
    public static final int[] CONTACT_MONTHS = { 3, 6, 12, 24 };

    private final ParticipantService participants;
    private final ParticipantRepository participantRepository;
    private final EnrolmentRepository enrolments;
    private final ReleaseRecordRepository releases;
    private final FollowUpContactRepository contacts;
    private final MilestoneRepository milestones;
    private final ReoffenceRepository reoffences;
    private final AuditTrail audit;
    private final Clock clock;

    public FollowUpService(ParticipantService participants, ParticipantRepository participantRepository,
            EnrolmentRepository enrolments, ReleaseRecordRepository releases, FollowUpContactRepository contacts,
            MilestoneRepository milestones, ReoffenceRepository reoffences, AuditTrail audit, Clock clock) {
        this.participants = participants;
        this.participantRepository = participantRepository;
        this.enrolments = enrolments;
        this.releases = releases;
        this.contacts = contacts;
        this.milestones = milestones;
        this.reoffences = reoffences;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReleaseRecord release(Caller caller, String code, ReleaseRequest request) {
        Participant p = participants.forCaseWrite(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalObligation());
        if (request.enrolmentId() != null && enrolments.findByIdOptional(request.enrolmentId())
                .filter(e -> e.participantId.equals(p.id)).isEmpty()) {
            throw ProblemException.unprocessable("Unknown enrolment",
                    "enrolmentId is not an enrolment of this participant.");
        }
        ReleaseRecord release = new ReleaseRecord();
        release.id = UUID.randomUUID();
        release.participantId = p.id;
        release.enrolmentId = request.enrolmentId();
        release.releasedOn = request.releasedOn();
        release.institution = request.institution();
        release.createdAt = clock.instant();
        releases.persist(release);
        for (int month : CONTACT_MONTHS) {
            FollowUpContact contact = new FollowUpContact();
            contact.id = UUID.randomUUID();
            contact.releaseId = release.id;
            contact.month = month;
            contact.dueOn = release.releasedOn.plusMonths(month);
            contacts.persist(contact);
        }
        audit.record("RECORD_RELEASE", OBJECT_TYPE, p.code, p.classification, detail("released "
                + release.releasedOn, request.legalObligation()));
        return release;
    }

    private static String detail(String what, String legalObligation) {
        return legalObligation == null || legalObligation.isBlank() ? what
                : what + " (legal obligation: " + legalObligation + ")";
    }

    /**
     * A release of a participant the caller may work on, for a change (its end, a contact): 404 otherwise, like a
     * missing one; 403 for staff of an agency the participant is only shared with.
     */
    private ReleaseRecord releaseForChange(Caller caller, UUID releaseId) {
        ReleaseRecord release = releases.findByIdOptional(releaseId)
                .orElseThrow(() -> ProblemException.notFound("Release", releaseId));
        if (participantRepository.findForCase(caller, release.participantId).isEmpty()) {
            throw ProblemException.notFound("Release", releaseId);
        }
        participants.requireOwnerAgency(caller, release.participantId);
        return release;
    }

    @Transactional
    public ReleaseRecord endFollowUp(Caller caller, UUID releaseId, LocalDate endedOn) {
        ReleaseRecord release = releaseForChange(caller, releaseId);
        if (endedOn.isBefore(release.releasedOn)) {
            throw ProblemException.unprocessable("Invalid date", "endedOn is before the release.");
        }
        release.followUpEndedOn = endedOn;
        Participant p = participantRepository.findById(release.participantId);
        audit.record("END_FOLLOW_UP", OBJECT_TYPE, p.code, p.classification, "ended " + endedOn);
        return release;
    }

    @Transactional
    public FollowUpContact recordContact(Caller caller, UUID contactId, ContactRequest request) {
        FollowUpContact contact = contacts.findByIdOptional(contactId)
                .orElseThrow(() -> ProblemException.notFound("Follow-up contact", contactId));
        ReleaseRecord release = releaseForChange(caller, contact.releaseId);
        Participant p = participants.requireProcessing(release.participantId, ConsentScope.FOLLOW_UP,
                request.legalObligation());
        contact.doneOn = request.doneOn();
        contact.outcome = request.outcome();
        contact.note = request.note();
        audit.record("RECORD_CONTACT", OBJECT_TYPE, p.code, p.classification,
                detail("contact at " + contact.month + " months", request.legalObligation()));
        return contact;
    }

    @Transactional
    public Milestone milestone(Caller caller, String code, MilestoneRequest request) {
        Participant p = participants.forCaseWrite(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalObligation());
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.participantId = p.id;
        m.kind = request.kind();
        m.achievedOn = request.achievedOn();
        m.note = request.note();
        m.createdAt = clock.instant();
        milestones.persist(m);
        audit.record("RECORD_MILESTONE", OBJECT_TYPE, p.code, p.classification,
                detail(m.kind.name(), request.legalObligation()));
        return m;
    }

    /** Re-offences come from justice records: without follow-up consent they need their legal basis. */
    @Transactional
    public Reoffence reoffence(Caller caller, String code, ReoffenceRequest request) {
        Participant p = participants.forCaseWrite(caller, code);
        participants.requireProcessing(p, ConsentScope.FOLLOW_UP, request.legalBasis());
        Reoffence r = new Reoffence();
        r.id = UUID.randomUUID();
        r.participantId = p.id;
        r.occurredOn = request.occurredOn();
        r.kind = request.kind();
        r.legalBasis = request.legalBasis();
        r.createdAt = clock.instant();
        reoffences.persist(r);
        audit.record("RECORD_REOFFENCE", OBJECT_TYPE, p.code, p.classification,
                detail(r.kind + " on " + r.occurredOn, request.legalBasis()));
        return r;
    }

    @Transactional
    public FollowUpView view(Caller caller, String code) {
        Participant p = participants.forCase(caller, code);
        participants.auditRead(p, "follow-up");
        List<ReleaseView> released = releases.ofParticipant(p.id).stream().map(r -> FollowUpMapper.toView(r,
                contacts.ofRelease(r.id).stream().map(FollowUpMapper::toView).toList())).toList();
        return new FollowUpView(p.code, released,
                milestones.ofParticipant(p.id).stream().map(FollowUpMapper::toView).toList(),
                reoffences.ofParticipant(p.id).stream().map(FollowUpMapper::toView).toList());
    }

    /** Contacts past due and not done, for follow-ups still open, of participants the caller may work on. */
    @Transactional
    public List<OverdueContact> overdue(Caller caller, LocalDate asOf) {
        return contacts.overdue(caller, asOf).stream().map(o -> FollowUpMapper.toView(o, asOf)).toList();
    }
}
