package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.ApplicationRequest;
import org.yaqaza.prevention.api.EnrolmentView;
import org.yaqaza.prevention.api.TransitionRequest;
import org.yaqaza.prevention.mapping.EnrolmentMapper;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.EnrolmentTransition;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.repository.EditionRepository;
import org.yaqaza.prevention.repository.EnrolmentRepository;
import org.yaqaza.prevention.repository.EnrolmentTransitionRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ReferralRepository;

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
    private final EnrolmentRepository enrolments;
    private final EnrolmentTransitionRepository transitions;
    private final EditionRepository editions;
    private final ParticipantRepository participantRepository;
    private final ReferralRepository referrals;
    private final AuditTrail audit;
    private final Clock clock;

    public EnrolmentService(ProgrammeService programmes, ParticipantService participants,
            EnrolmentRepository enrolments, EnrolmentTransitionRepository transitions, EditionRepository editions,
            ParticipantRepository participantRepository, ReferralRepository referrals, AuditTrail audit,
            Clock clock) {
        this.programmes = programmes;
        this.participants = participants;
        this.enrolments = enrolments;
        this.transitions = transitions;
        this.editions = editions;
        this.participantRepository = participantRepository;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enrolment apply(Caller caller, UUID editionId, ApplicationRequest request) {
        Edition edition = editions.getVisible(caller, editionId);
        Programme programme = programmes.visible(caller, edition.programmeId);
        Participant participant = participants.forCaseWrite(caller, request.participantCode());
        participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
        if (programme.voluntaryApplicationRequired && !request.voluntary()) {
            throw ProblemException.unprocessable("Not eligible",
                    "This programme only admits people who apply of their own will (voluntary application).");
        }
        checkAge(programme, participant, request.appliedOn());
        if (request.referralId() != null) {
            boolean approved = referrals.findByIdOptional(request.referralId())
                    .filter(r -> r.status == DecisionStatus.APPROVED && participant.id.equals(r.participantId))
                    .isPresent();
            if (!approved) {
                throw ProblemException.conflict("Referral not approved", "Only a referral approved by a prevention "
                        + "supervisor for this participant can be the basis of an enrolment.");
            }
        }
        if (enrolments.applied(edition.id, participant.id)) {
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
        enrolments.persist(enrolment);
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

    /**
     * The enrolment if the caller may work on it: its participant and its programme are both visible, and the
     * caller is prevention staff (all inside the query); 404 otherwise.
     */
    public Enrolment forCase(Caller caller, UUID id) {
        return enrolments.getForCase(caller, id);
    }

    /** As {@link #forCase}, for a change: only staff of the participant's owning agency (403 otherwise). */
    public Enrolment forCaseWrite(Caller caller, UUID id) {
        Enrolment enrolment = forCase(caller, id);
        participants.requireOwnerAgency(caller, enrolment.participantId);
        return enrolment;
    }

        Optional<Enrolment> forCaseOptional(Caller caller, UUID id) {
        return enrolments.findForCase(caller, id);
    }

    @Transactional
    public Enrolment transition(Caller caller, UUID id, TransitionRequest request) {
        Enrolment enrolment = forCaseWrite(caller, id);
        // lock the edition first: all place-taking changes of one edition take turns here
        Edition edition = editions.lock(enrolment.editionId);
        enrolments.refresh(enrolment);
        EnrolmentState from = enrolment.state;
        EnrolmentState to = request.to();
        if (!from.next().contains(to)) {
            throw ProblemException.conflict("Invalid transition", "An enrolment in state " + from
                    + " cannot move to " + to + ". Allowed next states: "
                    + (from.next().isEmpty() ? "none (final state)"
                            : from.next().stream().map(Enum::name).collect(Collectors.joining(", "))) + ".");
        }
        Participant participant = participantRepository.findById(enrolment.participantId);
        if (to == EnrolmentState.SCREENED || to == EnrolmentState.ENROLLED || to == EnrolmentState.ACTIVE) {
            participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
        }
        LocalDate on = request.on() != null ? request.on() : LocalDate.now(clock);
        EnrolmentState reached = to;
        if (to == EnrolmentState.ENROLLED && enrolments.placesTaken(edition.id) >= edition.capacity) {
            reached = EnrolmentState.WAITLISTED;
            enrolment.waitlistedAt = clock.instant();
        }
        boolean freesPlace = from.occupiesPlace() && !reached.occupiesPlace();
        move(enrolment, reached, request.reason(), on, caller.subject());
        audit.record("TRANSITION", OBJECT_TYPE, enrolment.id, participant.classification,
                from + " -> " + reached + (request.reason() == null ? "" : ": " + request.reason()));
        if (freesPlace) {
            enrolments.flush();
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
        transitions.persist(t);
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
        long free = edition.capacity - enrolments.placesTaken(edition.id);
        if (free <= 0) {
            return;
        }
        for (Enrolment next : enrolments.waitingList(edition.id, (int) free)) {
            Participant participant = participantRepository.findById(next.participantId);
            if (participants.consentStatus(participant.id, ConsentScope.PARTICIPATION)
                    != ParticipantService.ConsentStatus.ACTIVE) {
                continue;
            }
            move(next, EnrolmentState.ENROLLED, "promoted from the waiting list", on, "system:waiting-list");
            audit.record(AuditActor.system("waiting-list"), "TRANSITION", OBJECT_TYPE, next.id,
                    participant.classification, "WAITLISTED -> ENROLLED (promoted: a place was freed)");
        }
    }

    @Transactional
    public Enrolment get(Caller caller, UUID id) {
        Enrolment enrolment = forCase(caller, id);
        participants.auditRead(enrolment.participantId, "enrolment " + id);
        return enrolment;
    }

    /** Enrolments of an edition whose participants the caller may work on. */
    @Transactional
    public List<Enrolment> ofEdition(Caller caller, UUID editionId, EnrolmentState state) {
        Edition edition = editions.getVisible(caller, editionId);
        return enrolments.ofEditionForCase(caller, edition.id, state);
    }

    @Transactional
    public List<EnrolmentTransition> history(Caller caller, UUID id) {
        return transitions.ofEnrolment(forCase(caller, id).id);
    }

    /** The enrolment; its waiting position counts only applicants ahead whom the caller may work on (issue 16). */
    @Transactional
    public EnrolmentView view(Caller caller, Enrolment e) {
        Integer position = e.state == EnrolmentState.WAITLISTED ? enrolments.visibleWaitingPosition(caller, e) : null;
        return EnrolmentMapper.toView(e, participantRepository.code(e.participantId), position);
    }
}
