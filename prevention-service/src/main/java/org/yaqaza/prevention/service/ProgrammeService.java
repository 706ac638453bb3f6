package org.yaqaza.prevention.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.MarkingAuthority;
import org.yaqaza.prevention.api.EditionRequest;
import org.yaqaza.prevention.api.EditionView;
import org.yaqaza.prevention.api.ModuleRequest;
import org.yaqaza.prevention.api.ProgrammeRequest;
import org.yaqaza.prevention.mapping.EditionMapper;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.repository.CurriculumModuleRepository;
import org.yaqaza.prevention.repository.EditionRepository;
import org.yaqaza.prevention.repository.EnrolmentRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;

/** Creating and maintaining programmes, their curriculum and editions, under the visibility rule and audited. */
@ApplicationScoped
public class ProgrammeService {

    static final String OBJECT_TYPE = "programme";

    private final ProgrammeRepository programmes;
    private final MarkingAuthority markings;
    private final CurriculumModuleRepository modules;
    private final EditionRepository editions;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;
    private final Clock clock;

    public ProgrammeService(ProgrammeRepository programmes, MarkingAuthority markings,
            CurriculumModuleRepository modules, EditionRepository editions, EnrolmentRepository enrolments,
            AuditTrail audit, Clock clock) {
        this.programmes = programmes;
        this.markings = markings;
        this.modules = modules;
        this.editions = editions;
        this.enrolments = enrolments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Programme create(Caller caller, ProgrammeRequest request) {
        Programme programme = new Programme();
        programme.protect(caller, clock.instant(), request.classification(), request.compartments(),
                request.sharedWith());
        apply(programme, request);
        programmes.persist(programme);
        audit.record("CREATE", OBJECT_TYPE, programme.id, programme.classification, null);
        return programme;
    }

    @Transactional
    public Programme get(Caller caller, UUID id) {
        Programme programme = programmes.getVisible(caller, id, "Programme");
        audit.read(OBJECT_TYPE, programme);
        return programme;
    }

    /** The programme if visible, without a read audit (used by services that audit their own records). */
    public Programme visible(Caller caller, UUID id) {
        return programmes.getVisible(caller, id, "Programme");
    }

    /**
     * The programme for a change of its content (curriculum, editions, campaigns): visible, and only to staff of
     * the owning agency (403 for an agency it is shared with).
     */
    public Programme forWrite(Caller caller, UUID id) {
        Programme programme = visible(caller, id);
        EditRules.requireOwnerAgency(caller, programme, OBJECT_TYPE);
        return programme;
    }

    @Transactional
    public Page<Programme> list(Caller caller, ProgrammeKind kind, PageRequest page) {
        Page<Programme> result = kind == null ? programmes.pageVisible(caller, null, Map.of(), page)
                : programmes.pageVisible(caller, "kind = :kind", Map.of("kind", kind), page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    public long count(Caller caller, ProgrammeKind kind) {
        return kind == null ? programmes.countVisible(caller, null, Map.of())
                : programmes.countVisible(caller, "kind = :kind", Map.of("kind", kind));
    }

    @Transactional
    public Programme update(Caller caller, UUID id, ProgrammeRequest request, Long expectedVersion) {
        Programme programme = programmes.getVisible(caller, id, "Programme");
        EditRules.requireOwnerAgency(caller, programme, OBJECT_TYPE);
        Versions.require(expectedVersion, request.version(), programme.version, "programme");
        markings.apply(caller, programme, Marking.of(request.classification(), request.compartments(),
                request.sharedWith()), OBJECT_TYPE);
        apply(programme, request);
        programmes.flush();
        audit.record("UPDATE", OBJECT_TYPE, programme.id, programme.classification, null);
        return programme;
    }

    @Transactional
    public CurriculumModule addModule(Caller caller, UUID programmeId, ModuleRequest request) {
        Programme programme = forWrite(caller, programmeId);
        List<CurriculumModule> existing = modules.ofProgramme(programme.id);
        if (existing.stream().anyMatch(m -> m.code.equals(request.code()))) {
            throw ProblemException.conflict("Module exists",
                    "The curriculum already has a module " + request.code() + ".");
        }
        CurriculumModule module = new CurriculumModule();
        module.id = UUID.randomUUID();
        module.programmeId = programme.id;
        module.code = request.code();
        module.title = request.title();
        module.requiredSessions = request.requiredSessions();
        module.position = request.position() != null ? request.position()
                : existing.stream().mapToInt(m -> m.position + 1).max().orElse(1);
        modules.persist(module);
        audit.record("CREATE", "curriculum-module", module.id, programme.classification,
                "programme " + programme.id);
        return module;
    }

    @Transactional
    public List<CurriculumModule> modules(Caller caller, UUID programmeId) {
        return modules.ofProgramme(visible(caller, programmeId).id);
    }

    @Transactional
    public Edition createEdition(Caller caller, UUID programmeId, EditionRequest request) {
        Programme programme = forWrite(caller, programmeId);
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.unprocessable("Invalid dates", "endsOn is before startsOn.");
        }
        Edition edition = new Edition();
        edition.id = UUID.randomUUID();
        edition.programmeId = programme.id;
        edition.name = request.name();
        edition.startsOn = request.startsOn();
        edition.endsOn = request.endsOn();
        edition.capacity = request.capacity() != null ? request.capacity() : programme.capacity;
        edition.createdAt = clock.instant();
        editions.persist(edition);
        audit.record("CREATE", "edition", edition.id, programme.classification, "programme " + programme.id);
        return edition;
    }

    /** An edition whose programme the caller may see; 404 otherwise. */
    @Transactional
    public Edition visibleEdition(Caller caller, UUID editionId) {
        return editions.getVisible(caller, editionId);
    }

    @Transactional
    public List<Edition> editions(Caller caller, UUID programmeId) {
        return editions.ofProgramme(visible(caller, programmeId).id);
    }

    /**
     * The edition with its occupancy as the caller may know it: places taken and the length of the waiting list,
     * counting only participants the caller may work on (issue 16; docs/prevention.md, "Occupancy").
     */
    @Transactional
    public EditionView view(Caller caller, Edition e) {
        return EditionMapper.toView(e, enrolments.visiblePlacesTaken(caller, e.id),
                enrolments.visibleWaiting(caller, e.id));
    }

    private void apply(Programme programme, ProgrammeRequest request) {
        boolean voluntary = request.voluntaryApplicationRequired() == null
                ? request.kind() == ProgrammeKind.PRISON_RECONCILIATION : request.voluntaryApplicationRequired();
        if (request.kind() == ProgrammeKind.PRISON_RECONCILIATION && !voluntary) {
            throw ProblemException.unprocessable("Voluntary application required",
                    "A prison reconciliation programme only admits people who apply of their own will.");
        }
        if (request.minimumAge() != null && request.maximumAge() != null
                && request.minimumAge() > request.maximumAge()) {
            throw ProblemException.unprocessable("Invalid age range", "minimumAge is above maximumAge.");
        }
        programme.kind = request.kind();
        programme.name = request.name();
        programme.institution = request.institution();
        programme.region = request.region();
        programme.capacity = request.capacity();
        programme.description = request.description();
        programme.schedule = request.schedule() == null ? new ArrayList<>() : new ArrayList<>(request.schedule());
        programme.partnerInstitutions = request.partnerInstitutions() == null ? new ArrayList<>()
                : new ArrayList<>(request.partnerInstitutions());
        programme.voluntaryApplicationRequired = voluntary;
        programme.minimumAge = request.minimumAge();
        programme.maximumAge = request.maximumAge();
        programme.assessmentCadenceDays = request.assessmentCadenceDays();
        programme.updatedAt = clock.instant();
    }
}
