package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.ApplicationRequest;
import org.yaqaza.prevention.api.EnrolmentView;
import org.yaqaza.prevention.api.TransitionRequest;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.EnrolmentTransition;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.Referral;
import org.yaqaza.prevention.repository.ParticipantRepository;

/**
 * Applications and the enrolment state machine. Every change that can take or free a place locks the edition
 * row first (SELECT ... FOR UPDATE), so concurrent enrolments are serialised per edition and never exceed its
 * capacity; a freed place goes to the longest-waiting applicant.
 */
@ApplicationScoped
public class EnrolmentService {

    static final String OBJECT_TYPE = "enrolment";

    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final ParticipantRepository participantRepository;
    private final PreventionAccess access;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public EnrolmentService(ProgrammeService programmes, ParticipantService participants,
            ParticipantRepository participantRepository, PreventionAccess access, AuditTrail audit,
            EntityManager em, Clock clock) {
        this.programmes = programmes;
        this.participants = participants;
        this.participantRepository = participantRepository;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Enrolment apply(Caller caller, UUID editionId, ApplicationRequest request) {
        access.requireCaseAccess(caller);
        Edition edition = programmes.visibleEdition(caller, editionId);
        Programme programme = programmes.visible(caller, edition.programmeId);
        Participant participant = participants.forCase(caller, request.participantCode());
        participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
        if (programme.voluntaryApplicationRequired && !request.voluntary()) {
            throw ProblemException.unprocessable("Not eligible",
                    "This programme only admits people who apply of their own will (voluntary application).");
        }
        checkAge(programme, participant, request.appliedOn());
        if (request.referralId() != null) {
            Referral referral = em.find(Referral.class, request.referralId());
            if (referral == null || referral.status != DecisionStatus.APPROVED
                    || !participant.id.equals(referral.participantId)) {
                throw ProblemException.conflict("Referral not approved", "Only a referral approved by a prevention "
                        + "supervisor for this participant can be the basis of an enrolment.");
            }
        }
        long existing = em.createQuery("select count(e) from Enrolment e where e.editionId = :e and "
                + "e.participantId = :p", Long.class).setParameter("e", edition.id)
                .setParameter("p", participant.id).getSingleResult();
        if (existing > 0) {
            throw ProblemException.conflict("Already applied", "Participant " + participant.code
                    + " already applied to this edition.");
        }
        Enrolment enrolment = new Enrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.editionId = edition.id;
        enrolment.participantId = participant.id;
        enrolment.state = EnrolmentState.APPLIED;
        enrolment.voluntary = request.voluntary();
        enrolment.referralId = request.referralId();
        enrolment.appliedOn = request.appliedOn();
        enrolment.createdAt = clock.instant();
        enrolment.updatedAt = enrolment.createdAt;
        em.persist(enrolment);
        audit.record("CREATE", OBJECT_TYPE, enrolment.id, participant.classification,
                "participant " + participant.code + " applied to edition " + edition.id);
        return enrolment;
    }

    private void checkAge(Programme programme, Participant participant, LocalDate on) {
        if (programme.minimumAge == null && programme.maximumAge == null) {
            return;
        }
        LocalDate born = participants.birthDate(participant);
        int age = born == null ? -1 : Period.between(born, on).getYears();
        if (age < 0 || (programme.minimumAge != null && age < programme.minimumAge)
                || (programme.maximumAge != null && age > programme.maximumAge)) {
            throw ProblemException.unprocessable("Not eligible", "The participant's age is outside this "
                    + "programme's range (" + (programme.minimumAge == null ? "" : programme.minimumAge) + "–"
                    + (programme.maximumAge == null ? "" : programme.maximumAge) + ").");
        }
    }

    /** The enrolment if the caller may work on it: its programme and its participant are both visible. */
    public Enrolment forCase(Caller caller, UUID id) {
        access.requireCaseAccess(caller);
        Enrolment enrolment = em.find(Enrolment.class, id);
        if (enrolment == null) {
            throw ProblemException.notFound("Enrolment", id);
        }
        Edition edition = em.find(Edition.class, enrolment.editionId);
        Participant participant = participantRepository.findVisible(caller, enrolment.participantId).orElse(null);
        if (participant == null || !programmesVisible(caller, edition.programmeId)) {
            throw ProblemException.notFound("Enrolment", id);
        }
        return enrolment;
    }

    private boolean programmesVisible(Caller caller, UUID programmeId) {
        try {
            programmes.visible(caller, programmeId);
            return true;
        } catch (ProblemException hidden) {
            return false;
        }
    }

    @Transactional
    public Enrolment transition(Caller caller, UUID id, TransitionRequest request) {
        Enrolment found = forCase(caller, id);
        // lock the edition first: all place-taking changes of one edition take turns here
        Edition edition = em.find(Edition.class, found.editionId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(found);
        Enrolment enrolment = found;
        EnrolmentState from = enrolment.state;
        EnrolmentState to = request.to();
        if (!from.next().contains(to)) {
            throw ProblemException.conflict("Invalid transition", "An enrolment in state " + from
                    + " cannot move to " + to + ". Allowed next states: "
                    + (from.next().isEmpty() ? "none (final state)"
                            : from.next().stream().map(Enum::name).collect(Collectors.joining(", "))) + ".");
        }
        Participant participant = em.find(Participant.class, enrolment.participantId);
        if (to == EnrolmentState.SCREENED || to == EnrolmentState.ENROLLED || to == EnrolmentState.ACTIVE) {
            participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
        }
        LocalDate on = request.on() != null ? request.on() : LocalDate.now(clock);
        EnrolmentState reached = to;
        if (to == EnrolmentState.ENROLLED && placesTaken(edition.id) >= edition.capacity) {
            reached = EnrolmentState.WAITLISTED;
            enrolment.waitlistedAt = clock.instant();
        }
        boolean freesPlace = from.occupiesPlace() && !reached.occupiesPlace();
        move(enrolment, reached, request.reason(), on, caller.subject());
        audit.record("TRANSITION", OBJECT_TYPE, enrolment.id, participant.classification,
                from + " -> " + reached + (request.reason() == null ? "" : ": " + request.reason()));
        if (freesPlace) {
            em.flush();
            promoteWaiting(edition, on);
        }
        return enrolment;
    }

    private void move(Enrolment enrolment, EnrolmentState to, String reason, LocalDate on, String actor) {
        EnrolmentTransition t = new EnrolmentTransition();
        t.id = UUID.randomUUID();
        t.enrolmentId = enrolment.id;
        t.fromState = enrolment.state;
        t.toState = to;
        t.reason = reason;
        t.actor = actor;
        t.occurredAt = clock.instant();
        em.persist(t);
        enrolment.state = to;
        enrolment.stateReason = reason;
        enrolment.updatedAt = t.occurredAt;
        if (to == EnrolmentState.ENROLLED) {
            enrolment.enrolledOn = on;
            enrolment.waitlistedAt = null;
        }
        if (to.terminal()) {
            enrolment.endedOn = on;
            enrolment.waitlistedAt = null;
        }
    }

    /** Fills free places from the waiting list, oldest first; the edition row is already locked. */
    private void promoteWaiting(Edition edition, LocalDate on) {
        long free = edition.capacity - placesTaken(edition.id);
        if (free <= 0) {
            return;
        }
        List<Enrolment> waiting = em.createQuery("from Enrolment where editionId = :e and state = :s "
                + "order by waitlistedAt, id", Enrolment.class).setParameter("e", edition.id)
                .setParameter("s", EnrolmentState.WAITLISTED).setMaxResults((int) free).getResultList();
        for (Enrolment next : waiting) {
            Participant participant = em.find(Participant.class, next.participantId);
            if (participants.consentStatus(participant.id, ConsentScope.PARTICIPATION)
                    != ParticipantService.ConsentStatus.ACTIVE) {
                continue;
            }
            move(next, EnrolmentState.ENROLLED, "promoted from the waiting list", on, "system:waiting-list");
            audit.record(AuditActor.system("waiting-list"), "TRANSITION", OBJECT_TYPE, next.id,
                    participant.classification, "WAITLISTED -> ENROLLED (promoted: a place was freed)");
        }
    }

    long placesTaken(UUID editionId) {
        return em.createQuery("select count(e) from Enrolment e where e.editionId = :e and e.state in :s",
                Long.class).setParameter("e", editionId).setParameter("s",
                        List.of(EnrolmentState.ENROLLED, EnrolmentState.ACTIVE, EnrolmentState.COMPLETED))
                .getSingleResult();
    }

    @Transactional
    public Enrolment get(Caller caller, UUID id) {
        Enrolment enrolment = forCase(caller, id);
        participants.auditRead(em.find(Participant.class, enrolment.participantId), "enrolment " + id);
        return enrolment;
    }

    /** Enrolments of an edition whose participants the caller may see. */
    @Transactional
    public List<Enrolment> ofEdition(Caller caller, UUID editionId, EnrolmentState state) {
        access.requireCaseAccess(caller);
        Edition edition = programmes.visibleEdition(caller, editionId);
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("e", edition.id);
        String hql = "select e from Enrolment e join Participant p on p.id = e.participantId where e.editionId = :e"
                + " and " + Visibility.predicate("p") + (state == null ? "" : " and e.state = :state")
                + " order by e.appliedOn, e.createdAt";
        var query = em.createQuery(hql, Enrolment.class);
        params.forEach(query::setParameter);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.getResultList();
    }

    @Transactional
    public List<EnrolmentTransition> history(Caller caller, UUID id) {
        Enrolment enrolment = forCase(caller, id);
        return em.createQuery("from EnrolmentTransition where enrolmentId = :e order by occurredAt",
                EnrolmentTransition.class).setParameter("e", enrolment.id).getResultList();
    }

    public EnrolmentView view(Enrolment e) {
        Participant p = em.find(Participant.class, e.participantId);
        Integer position = null;
        if (e.state == EnrolmentState.WAITLISTED) {
            position = 1 + em.createQuery("select count(x) from Enrolment x where x.editionId = :ed and x.state = :s"
                    + " and (x.waitlistedAt < :at or (x.waitlistedAt = :at and x.id < :id))", Long.class)
                    .setParameter("ed", e.editionId).setParameter("s", EnrolmentState.WAITLISTED)
                    .setParameter("at", e.waitlistedAt).setParameter("id", e.id).getSingleResult().intValue();
        }
        return new EnrolmentView(e.id, e.editionId, p.code, e.state, e.state.next(), e.voluntary,
                e.referralId, e.appliedOn, e.enrolledOn, e.endedOn, position, e.version);
    }
}
