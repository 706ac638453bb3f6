package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.RelationshipRequest;
import org.yaqaza.intelligence.api.RelationshipView;
import org.yaqaza.intelligence.model.Relationship;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.repository.RelationshipRepository;
import org.yaqaza.intelligence.repository.ReportRepository;

/** Links between entities; a link needs both ends and every supporting report visible to its author. */
@ApplicationScoped
public class RelationshipService {

    public static final String OBJECT_TYPE = "relationship";

    private final RelationshipRepository relationships;
    private final EntityRepository entities;
    private final ReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;

    public RelationshipService(RelationshipRepository relationships, EntityRepository entities,
            ReportRepository reports, AuditTrail audit, Clock clock) {
        this.relationships = relationships;
        this.entities = entities;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Relationship create(Caller caller, RelationshipRequest r) {
        if (r.sourceId().equals(r.targetId())) {
            throw ProblemException.badRequest("Invalid relationship", "An entity cannot be linked to itself.",
                    "targetId");
        }
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            throw ProblemException.badRequest("Invalid period", "validTo is before validFrom.", "validTo");
        }
        requireVisible(caller, "IntelEntity", List.of(r.sourceId(), r.targetId()), "sourceId/targetId",
                "must name existing entities");
        Set<UUID> supporting = new LinkedHashSet<>(r.supportingReportIds() == null ? List.of()
                : r.supportingReportIds());
        requireVisible(caller, "Report", supporting, "supportingReportIds", "must name existing reports");
        Relationship rel = new Relationship();
        rel.protect(caller, clock.instant(), r.classification(), r.compartments(), r.sharedWith());
        rel.sourceId = r.sourceId();
        rel.targetId = r.targetId();
        rel.type = r.type();
        rel.confidence = r.confidence().shortValue();
        rel.validFrom = r.validFrom();
        rel.validTo = r.validTo();
        rel.supportingReportIds = supporting.toArray(UUID[]::new);
        rel.note = r.note();
        rel.updatedAt = clock.instant();
        relationships.persist(rel);
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, rel.id, rel.classification,
                rel.sourceId + " " + rel.type + " " + rel.targetId);
        return rel;
    }

    @Transactional
    public RelationshipView get(Caller caller, UUID id) {
        Relationship rel = visibleWithEnds(caller, id);
        audit.read(OBJECT_TYPE, rel);
        return view(caller, rel);
    }

    /** Relationships of one entity (either end), visible links to visible entities only. */
    @Transactional
    public Page<RelationshipView> ofEntity(Caller caller, UUID entityId, PageRequest page) {
        entities.getVisible(caller, entityId, "Entity");
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("entity", entityId);
        String where = "(sourceId = :entity or targetId = :entity) and exists (select 1 from IntelEntity o where"
                + " o.id = (case when sourceId = :entity then targetId else sourceId end) and "
                + Visibility.predicate("o") + ")";
        Page<Relationship> result = relationships.pageVisible(caller, where, p, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result.map(r -> view(caller, r));
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        Relationship rel = visibleWithEnds(caller, id);
        EditRules.requireOwnerAgency(caller, rel, OBJECT_TYPE);
        relationships.delete(rel);
        audit.record(AuditActor.of(caller), "DELETE", OBJECT_TYPE, rel.id, rel.classification, null);
    }

    private Relationship visibleWithEnds(Caller caller, UUID id) {
        Relationship rel = relationships.getVisible(caller, id, "Relationship");
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("ids", List.of(rel.sourceId, rel.targetId));
        if (entities.count("id in :ids and " + Visibility.predicate(), p) != 2) {
            throw ProblemException.notFound("Relationship", id);
        }
        return rel;
    }

    private RelationshipView view(Caller caller, Relationship r) {
        List<UUID> supporting = List.of(r.supportingReportIds);
        if (!supporting.isEmpty()) {
            Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
            p.put("ids", supporting);
            Set<UUID> visible = new java.util.HashSet<>(reports.getEntityManager()
                    .createQuery("select r.id from Report r where r.id in :ids and " + Visibility.predicate("r"),
                            UUID.class)
                    .setParameter("ids", supporting)
                    .setParameter(Visibility.CLEARANCE, p.get(Visibility.CLEARANCE))
                    .setParameter(Visibility.COMPARTMENTS, p.get(Visibility.COMPARTMENTS))
                    .setParameter(Visibility.AGENCY, p.get(Visibility.AGENCY))
                    .getResultList());
            supporting = supporting.stream().filter(visible::contains).toList();
        }
        return new RelationshipView(r.id, r.sourceId, r.targetId, r.type, r.confidence, r.validFrom, r.validTo,
                supporting, r.note, r.classification, List.of(r.compartments), r.ownerAgency, r.createdAt,
                r.createdBy, r.version);
    }

    private void requireVisible(Caller caller, String entityName, java.util.Collection<UUID> ids, String field,
            String message) {
        if (ids.isEmpty()) {
            return;
        }
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        Long visible = reports.getEntityManager()
                .createQuery("select count(x) from " + entityName + " x where x.id in :ids and "
                        + Visibility.predicate("x"), Long.class)
                .setParameter("ids", distinct)
                .setParameter(Visibility.CLEARANCE, (short) caller.clearance().level())
                .setParameter(Visibility.COMPARTMENTS, caller.compartmentList())
                .setParameter(Visibility.AGENCY, caller.agency() == null ? "" : caller.agency())
                .getSingleResult();
        if (visible != distinct.size()) {
            throw new ProblemException(422, null, "Unknown reference", field + " " + message + ".",
                    List.of(new Problem.FieldError(field, message)), null);
        }
    }
}
