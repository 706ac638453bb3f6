package org.yaqaza.prevention.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.prevention.api.AttendanceMark;
import org.yaqaza.prevention.api.AttendanceRequest;
import org.yaqaza.prevention.api.AttendanceView;
import org.yaqaza.prevention.api.ModuleProgress;
import org.yaqaza.prevention.api.ProgressView;
import org.yaqaza.prevention.api.SessionRequest;
import org.yaqaza.prevention.api.SessionView;
import org.yaqaza.prevention.mapping.SessionMapper;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.model.ProgrammeSession;
import org.yaqaza.prevention.repository.CurriculumModuleRepository;
import org.yaqaza.prevention.repository.EditionRepository;
import org.yaqaza.prevention.repository.ParticipantRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;
import org.yaqaza.prevention.repository.SessionRepository;

/** Sessions of an edition, attendance, and completion measured against the curriculum. */
@ApplicationScoped
public class SessionService {

    private final EnrolmentService enrolments;
    private final ParticipantService participants;
    private final SessionRepository sessions;
    private final EditionRepository editions;
    private final ProgrammeRepository programmes;
    private final CurriculumModuleRepository modules;
    private final ParticipantRepository participantRepository;
    private final AuditTrail audit;
    private final Clock clock;

    public SessionService(EnrolmentService enrolments, ParticipantService participants, SessionRepository sessions,
            EditionRepository editions, ProgrammeRepository programmes, CurriculumModuleRepository modules,
            ParticipantRepository participantRepository, AuditTrail audit, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.sessions = sessions;
        this.editions = editions;
        this.programmes = programmes;
        this.modules = modules;
        this.participantRepository = participantRepository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeSession create(Caller caller, UUID editionId, SessionRequest request) {
        Edition edition = editions.getVisible(caller, editionId);
        EditRules.requireOwnerAgency(caller, programmes.findById(edition.programmeId), "programme");
        CurriculumModule module = modules.findByIdOptional(request.moduleId())
                .filter(m -> m.programmeId.equals(edition.programmeId))
                .orElseThrow(() -> ProblemException.unprocessable("Unknown module",
                        "moduleId is not a module of this edition's programme."));
        ProgrammeSession session = new ProgrammeSession();
        session.id = UUID.randomUUID();
        session.editionId = edition.id;
        session.moduleId = module.id;
        session.heldOn = request.heldOn();
        session.topic = request.topic();
        session.facilitator = request.facilitator();
        session.createdAt = clock.instant();
        sessions.persist(session);
        audit.record("CREATE", "session", session.id, programmes.findById(edition.programmeId).classification,
                "edition " + edition.id);
        return session;
    }

    @Transactional
    public List<ProgrammeSession> ofEdition(Caller caller, UUID editionId) {
        return sessions.ofEdition(editions.getVisible(caller, editionId).id);
    }

    /** Records (or corrects) attendance marks; all marks are checked before any is stored. */
    @Transactional
    public void record(Caller caller, UUID sessionId, AttendanceRequest request) {
        ProgrammeSession session = sessions.getVisible(caller, sessionId);
        List<Enrolment> checked = new ArrayList<>();
        for (AttendanceMark mark : request.marks()) {
            Enrolment enrolment = enrolments.forCaseOptional(caller, mark.enrolmentId())
                    .orElseThrow(() -> ProblemException.unprocessable("Unknown enrolment",
                            "Enrolment " + mark.enrolmentId() + " does not exist."));
            participants.requireOwnerAgency(caller, enrolment.participantId);
            if (!enrolment.editionId.equals(session.editionId)) {
                throw ProblemException.unprocessable("Wrong edition",
                        "Enrolment " + mark.enrolmentId() + " is not in this session's edition.");
            }
            if (enrolment.state != EnrolmentState.ENROLLED && enrolment.state != EnrolmentState.ACTIVE
                    && enrolment.state != EnrolmentState.COMPLETED) {
                throw ProblemException.conflict("Not enrolled", "Enrolment " + enrolment.id + " is "
                        + enrolment.state + "; attendance is recorded for enrolled participants only.");
            }
            participants.requireProcessing(enrolment.participantId, ConsentScope.PARTICIPATION, null);
            checked.add(enrolment);
        }
        for (int i = 0; i < checked.size(); i++) {
            sessions.mark(session.id, checked.get(i).id, request.marks().get(i).status());
        }
        Edition edition = editions.findById(session.editionId);
        audit.record("RECORD_ATTENDANCE", "session", session.id,
                programmes.findById(edition.programmeId).classification, checked.size() + " marks");
    }

    /** The marks of a session; those of participants hidden from the caller are left out, like them. */
    @Transactional
    public List<AttendanceView> attendance(Caller caller, UUID sessionId) {
        ProgrammeSession session = sessions.getVisible(caller, sessionId);
        return sessions.marks(caller, session.id).stream().map(SessionMapper::toView).toList();
    }

    /**
     * Completion: for each module, sessions attended (present) counted up to the module's required sessions, over
     * the sum of required sessions of the curriculum.
     */
    @Transactional
    public ProgressView progress(Caller caller, UUID enrolmentId) {
        Enrolment enrolment = enrolments.forCase(caller, enrolmentId);
        Edition edition = editions.findById(enrolment.editionId);
        Map<UUID, Long> present = sessions.presentByModule(edition.id, enrolment.id);
        List<ModuleProgress> perModule = new ArrayList<>();
        long required = 0;
        long done = 0;
        for (CurriculumModule module : modules.ofProgramme(edition.programmeId)) {
            long attended = present.getOrDefault(module.id, 0L);
            perModule.add(new ModuleProgress(module.code, module.title, module.requiredSessions, attended));
            required += module.requiredSessions;
            done += Math.min(attended, module.requiredSessions);
        }
        double percent = required == 0 ? 0 : Math.round(1000.0 * done / required) / 10.0;
        return new ProgressView(enrolment.id, participantRepository.code(enrolment.participantId), percent,
                perModule);
    }

    public SessionView view(ProgrammeSession s) {
        return SessionMapper.toView(s, modules.findById(s.moduleId).code);
    }
}
