package org.yaqaza.prevention.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.ProgrammeRequest;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.repository.ProgrammeRepository;

/** Creating and maintaining programmes, under the visibility rule and audited. */
@ApplicationScoped
public class ProgrammeService {

    static final String OBJECT_TYPE = "programme";

    private final ProgrammeRepository programmes;
    private final AuditTrail audit;

    public ProgrammeService(ProgrammeRepository programmes, AuditTrail audit) {
        this.programmes = programmes;
        this.audit = audit;
    }

    @Transactional
    public Programme create(Caller caller, ProgrammeRequest request) {
        Programme programme = new Programme();
        programme.protect(caller, request.classification(), request.compartments(), request.sharedWith());
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
        Versions.require(expectedVersion != null ? expectedVersion : request.version(), programme.version,
                "programme");
        programme.reprotect(caller, request.classification(), request.compartments(), request.sharedWith());
        apply(programme, request);
        programmes.flush();
        audit.record("UPDATE", OBJECT_TYPE, programme.id, programme.classification, null);
        return programme;
    }

    private static void apply(Programme programme, ProgrammeRequest request) {
        programme.kind = request.kind();
        programme.name = request.name();
        programme.institution = request.institution();
        programme.region = request.region();
        programme.capacity = request.capacity();
        programme.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
