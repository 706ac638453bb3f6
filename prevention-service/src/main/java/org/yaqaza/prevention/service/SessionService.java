package org.yaqaza.prevention.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.AttendanceMark;
import org.yaqaza.prevention.api.AttendanceRequest;
import org.yaqaza.prevention.api.AttendanceView;
import org.yaqaza.prevention.api.ModuleProgress;
import org.yaqaza.prevention.api.ProgressView;
import org.yaqaza.prevention.api.SessionRequest;
import org.yaqaza.prevention.model.AttendanceStatus;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeSession;

/** Sessions of an edition, attendance, and completion measured against the curriculum. */
@ApplicationScoped
public class SessionService {

    private final ProgrammeService programmes;
    private final EnrolmentService enrolments;
    private final ParticipantService participants;
    private final PreventionAccess access;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public SessionService(ProgrammeService programmes, EnrolmentService enrolments, ParticipantService participants,
            PreventionAccess access, AuditTrail audit, EntityManager em, Clock clock) {
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.participants = participants;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeSession create(Caller caller, UUID editionId, SessionRequest request) {
        access.requireCaseAccess(caller);
        Edition edition = programmes.visibleEdition(caller, editionId);
        CurriculumModule module = em.find(CurriculumModule.class, request.moduleId());
        if (module == null || !module.programmeId.equals(edition.programmeId)) {
            throw ProblemException.unprocessable("Unknown module",
                    "moduleId is not a module of this edition's programme.");
        }
        ProgrammeSession session = new ProgrammeSession();
        session.id = UUID.randomUUID();
        session.editionId = edition.id;
        session.moduleId = module.id;
        session.heldOn = request.heldOn();
        session.topic = request.topic();
        session.facilitator = request.facilitator();
        session.createdAt = clock.instant();
        em.persist(session);
        Programme programme = programmes.visible(caller, edition.programmeId);
        audit.record("CREATE", "session", session.id, programme.classification, "edition " + edition.id);
        return session;
    }

    @Transactional
    public List<ProgrammeSession> ofEdition(Caller caller, UUID editionId) {
        access.requireCaseAccess(caller);
        Edition edition = programmes.visibleEdition(caller, editionId);
        return em.createQuery("from ProgrammeSession where editionId = :e order by heldOn, createdAt",
                ProgrammeSession.class).setParameter("e", edition.id).getResultList();
    }

    private ProgrammeSession session(Caller caller, UUID sessionId) {
        access.requireCaseAccess(caller);
        ProgrammeSession session = em.find(ProgrammeSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        try {
            programmes.visibleEdition(caller, session.editionId);
        } catch (ProblemException hidden) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }

    /** Records (or corrects) attendance marks; all marks are checked before any is stored. */
    @Transactional
    public void record(Caller caller, UUID sessionId, AttendanceRequest request) {
        ProgrammeSession session = session(caller, sessionId);
        List<Enrolment> checked = new ArrayList<>();
        for (AttendanceMark mark : request.marks()) {
            Enrolment enrolment;
            try {
                enrolment = enrolments.forCase(caller, mark.enrolmentId());
            } catch (ProblemException e) {
                throw ProblemException.unprocessable("Unknown enrolment",
                        "Enrolment " + mark.enrolmentId() + " does not exist.");
            }
            if (!enrolment.editionId.equals(session.editionId)) {
                throw ProblemException.unprocessable("Wrong edition",
                        "Enrolment " + mark.enrolmentId() + " is not in this session's edition.");
            }
            if (enrolment.state != EnrolmentState.ENROLLED && enrolment.state != EnrolmentState.ACTIVE
                    && enrolment.state != EnrolmentState.COMPLETED) {
                throw ProblemException.conflict("Not enrolled", "Enrolment " + enrolment.id + " is "
                        + enrolment.state + "; attendance is recorded for enrolled participants only.");
            }
            Participant participant = em.find(Participant.class, enrolment.participantId);
            participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
            checked.add(enrolment);
        }
        for (int i = 0; i < checked.size(); i++) {
            em.createNativeQuery("insert into attendance (session_id, enrolment_id, status) values (:s, :e, :st)"
                    + " on conflict (enrolment_id, session_id) do update set status = excluded.status")
                    .setParameter("s", session.id).setParameter("e", checked.get(i).id)
                    .setParameter("st", request.marks().get(i).status().name()).executeUpdate();
        }
        Edition edition = em.find(Edition.class, session.editionId);
        Programme programme = em.find(Programme.class, edition.programmeId);
        audit.record("RECORD_ATTENDANCE", "session", session.id, programme.classification,
                checked.size() + " marks");
    }

    @Transactional
    public List<AttendanceView> attendance(Caller caller, UUID sessionId) {
        ProgrammeSession session = session(caller, sessionId);
        List<AttendanceView> result = new ArrayList<>();
        // marks of participants hidden from this caller are left out, like the participants themselves
        var query = em.createNativeQuery("select a.enrolment_id, p.code, a.status from attendance a"
                + " join enrolment e on e.id = a.enrolment_id join participant p on p.id = e.participant_id"
                + " where a.session_id = :s and " + Visibility.sqlPredicate("p") + " order by p.code")
                .setParameter("s", session.id);
        Visibility.parameters(caller).forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            result.add(new AttendanceView((UUID) row[0], (String) row[1],
                    AttendanceStatus.valueOf((String) row[2])));
        }
        return result;
    }

    /**
     * Completion: for each module, sessions attended (present) counted up to the module's required sessions, over
     * the sum of required sessions of the curriculum.
     */
    @Transactional
    public ProgressView progress(Caller caller, UUID enrolmentId) {
        Enrolment enrolment = enrolments.forCase(caller, enrolmentId);
        Edition edition = em.find(Edition.class, enrolment.editionId);
        List<CurriculumModule> modules = programmes.modules(edition.programmeId);
        List<ModuleProgress> perModule = new ArrayList<>();
        long required = 0;
        long done = 0;
        for (CurriculumModule module : modules) {
            long attended = ((Number) em.createNativeQuery("select count(*) from session s join attendance a"
                    + " on a.session_id = s.id where s.module_id = :m and s.edition_id = :e and a.enrolment_id = :en"
                    + " and a.status = 'PRESENT'").setParameter("m", module.id).setParameter("e", edition.id)
                    .setParameter("en", enrolment.id).getSingleResult()).longValue();
            perModule.add(new ModuleProgress(module.code, module.title, module.requiredSessions,
                    attended));
            required += module.requiredSessions;
            done += Math.min(attended, module.requiredSessions);
        }
        double percent = required == 0 ? 0 : Math.round(1000.0 * done / required) / 10.0;
        Participant participant = em.find(Participant.class, enrolment.participantId);
        return new ProgressView(enrolment.id, participant.code, percent, perModule);
    }
}
