package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.MarkingAuthority;
import org.yaqaza.intelligence.api.EntityRequest;
import org.yaqaza.intelligence.model.EntityIdentifier;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.EntityName;
import org.yaqaza.intelligence.model.EventStatus;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.model.NameType;
import org.yaqaza.intelligence.model.OrganisationStatus;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.screening.ScreeningIndex;
import org.yaqaza.intelligence.extraction.NameKeyIndex;
import org.yaqaza.intelligence.search.ArabicNormaliser;

/**
 * Persons, organisations, locations and events: protected records, every write audited. What the statistics
 * count as dismantled cells and foiled plots is set only by an approved intervention ({@link CaseService}).
 */
@ApplicationScoped
public class EntityService {

    public static final String OBJECT_TYPE = "entity";
    public static final String INTERVENTION_REQUIRED = "urn:yaqaza:problem:intervention-required";

    private final EntityRepository entities;
    private final MarkingAuthority markings;
    private final AuditTrail audit;
    private final Sql sql;
    private final ScreeningIndex screening;
    private final NameKeyIndex nameKeys;
    private final Clock clock;

    public EntityService(EntityRepository entities, MarkingAuthority markings, AuditTrail audit, Sql sql,
            ScreeningIndex screening, NameKeyIndex nameKeys, Clock clock) {
        this.entities = entities;
        this.markings = markings;
        this.audit = audit;
        this.sql = sql;
        this.screening = screening;
        this.nameKeys = nameKeys;
        this.clock = clock;
    }

    @Transactional
    public IntelEntity create(Caller caller, EntityRequest request) {
        checkKindFields(request);
        if (request.kind() == EntityKind.ORGANISATION && request.organisationStatus() == OrganisationStatus.DISMANTLED) {
            throw interventionRequired("An organisation becomes DISMANTLED", "organisationStatus",
                    "dismantlesOrganisationId");
        }
        if (request.kind() == EntityKind.EVENT && request.eventStatus() == EventStatus.FOILED) {
            throw interventionRequired("A plot becomes FOILED", "eventStatus", "foilsEventId");
        }
        IntelEntity e = new IntelEntity();
        e.protect(caller, clock.instant(), request.classification(), request.compartments(), request.sharedWith());
        apply(caller, e, request);
        if (e.kind == EntityKind.ORGANISATION) {
            e.statusSince = request.statusSince() != null ? request.statusSince() : LocalDate.now(clock);
        }
        entities.persist(e);
        entities.flush();
        reindex(e);
        if (e.kind == EntityKind.ORGANISATION) {
            recordStatus(caller, e, null, e.organisationStatus, e.statusSince, null);
        }
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, e.id, e.classification, e.kind.name());
        return e;
    }

    @Transactional
    public IntelEntity get(Caller caller, UUID id) {
        IntelEntity e = entities.getVisible(caller, id, "Entity");
        audit.read(OBJECT_TYPE, e);
        return e;
    }

    /** Without the read audit: for services that audit the surrounding operation themselves. */
    public IntelEntity visible(Caller caller, UUID id) {
        return entities.getVisible(caller, id, "Entity");
    }

    @Transactional
    public Page<IntelEntity> list(Caller caller, EntityKind kind, String name, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        if (name != null && !name.isBlank()) {
            where.add("id in (select e.id from IntelEntity e join e.names n where lower(n.normalised) like :name)");
            params.put("name", "%" + ArabicNormaliser.normalise(name.strip()).toLowerCase()
                    .replace("%", "").replace("_", "") + "%");
        }
        Page<IntelEntity> result = entities.pageVisible(caller, String.join(" and ", where), params, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    @Transactional
    public long count(Caller caller, EntityKind kind) {
        return kind == null ? entities.countVisible(caller, null, Map.of())
                : entities.countVisible(caller, "kind = :kind", Map.of("kind", kind));
    }

    @Transactional
    public IntelEntity update(Caller caller, UUID id, EntityRequest request, Long expectedVersion) {
        IntelEntity e = entities.getVisible(caller, id, "Entity");
        EditRules.requireOwnerAgency(caller, e, OBJECT_TYPE);
        Versions.require(expectedVersion, request.version(), e.version, "entity");
        if (request.kind() != e.kind) {
            throw ProblemException.unprocessable("Kind cannot change", "An entity keeps the kind it was created with.");
        }
        checkKindFields(request);
        OrganisationStatus before = e.organisationStatus;
        if (e.kind == EntityKind.ORGANISATION && request.organisationStatus() != before) {
            throw ProblemException.unprocessable("Use the status endpoint",
                    "Change an organisation's status with POST /api/intelligence/entities/{id}/status.");
        }
        keepCountedFigures(e, request);
        markings.apply(caller, e, Marking.of(request.classification(), request.compartments(), request.sharedWith()),
                OBJECT_TYPE);
        apply(caller, e, request);
        entities.flush();
        reindex(e);
        audit.record(AuditActor.of(caller), "UPDATE", OBJECT_TYPE, e.id, e.classification, null);
        return e;
    }

    /**
     * Moves an organisation forward in its life cycle; 409 lists the statuses it may move to. DISMANTLED is not
     * set here (422): it is what an approved intervention does.
     */
    @Transactional
    public IntelEntity changeStatus(Caller caller, UUID id, OrganisationStatus to, LocalDate effective) {
        IntelEntity e = entities.getVisible(caller, id, "Entity");
        EditRules.requireOwnerAgency(caller, e, OBJECT_TYPE);
        if (to == OrganisationStatus.DISMANTLED) {
            throw interventionRequired("An organisation becomes DISMANTLED", "status", "dismantlesOrganisationId");
        }
        return moveStatus(caller, e, to, effective, null);
    }

    /** An approved intervention of case {@code caseId} dismantles the organisation, on the intervention's date. */
    IntelEntity dismantle(Caller caller, IntelEntity organisation, LocalDate date, UUID caseId) {
        return moveStatus(caller, organisation, OrganisationStatus.DISMANTLED, date, caseId);
    }

    /** An approved intervention of case {@code caseId} foils the planned plot. */
    IntelEntity foil(Caller caller, IntelEntity plot, UUID caseId) {
        EventStatus from = plot.eventStatus;
        plot.eventStatus = EventStatus.FOILED;
        plot.updatedAt = clock.instant();
        entities.flush();
        audit.record(AuditActor.of(caller), "STATUS", OBJECT_TYPE, plot.id, plot.classification,
                from + "->" + EventStatus.FOILED + " (case " + caseId + ")");
        return plot;
    }

    private IntelEntity moveStatus(Caller caller, IntelEntity e, OrganisationStatus to, LocalDate effective,
            UUID caseId) {
        if (e.kind != EntityKind.ORGANISATION) {
            throw ProblemException.unprocessable("Not an organisation", "Only organisations have a status.");
        }
        OrganisationStatus from = e.organisationStatus;
        if (!from.allowedNext().contains(to)) {
            throw new ProblemException(409, null, "Invalid status change",
                    "An organisation " + from + " can move to " + from.allowedNext() + ", not " + to + ".",
                    from.allowedNext().stream().map(s -> new Problem.FieldError("allowedNext", s.name())).toList(),
                    null);
        }
        LocalDate date = effective == null ? LocalDate.now(clock) : effective;
        e.organisationStatus = to;
        e.statusSince = date;
        e.updatedAt = clock.instant();
        entities.flush();
        recordStatus(caller, e, from, to, date, caseId);
        audit.record(AuditActor.of(caller), "STATUS", OBJECT_TYPE, e.id, e.classification, from + "->" + to);
        return e;
    }

    public record StatusChange(String from, String to, LocalDate effectiveDate, Instant changedAt, String changedBy,
            UUID caseId) {
    }

    @Transactional
    public List<StatusChange> statusHistory(Caller caller, UUID id) {
        IntelEntity e = entities.getVisible(caller, id, "Entity");
        audit.read(OBJECT_TYPE, e);
        return sql.query("select * from organisation_status_change where organisation_id = :id order by id",
                Map.of("id", e.id), rs -> new StatusChange(rs.getString("from_status"), rs.getString("to_status"),
                        Sql.date(rs, "effective_date"), Sql.instant(rs, "changed_at"), rs.getString("changed_by"),
                        rs.getObject("case_id", UUID.class)));
    }

    /** Screening and extraction find an entity by its names: both indexes follow them in this transaction. */
    private void reindex(IntelEntity e) {
        List<String> names = e.names.stream().map(n -> n.name).toList();
        screening.reindex(e.id, e.kind, names);
        nameKeys.reindex(e.id, e.kind, names);
    }

    private void recordStatus(Caller caller, IntelEntity e, OrganisationStatus from, OrganisationStatus to,
            LocalDate date, UUID caseId) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", e.id);
        p.put("from", from == null ? null : from.name());
        p.put("to", to.name());
        p.put("date", date);
        p.put("now", clock.instant());
        p.put("by", caller.subject());
        p.put("case", caseId);
        sql.update("insert into organisation_status_change (organisation_id, from_status, to_status,"
                + " effective_date, changed_at, changed_by, case_id) values (:org, :from, :to, :date, :now, :by,"
                + " :case)", p);
    }

    /**
     * What the statistics count stays as the intervention set it: a foiled plot's type, status, date and category,
     * a dismantled organisation's kind and category. And a plot becomes FOILED only through an intervention.
     */
    private static void keepCountedFigures(IntelEntity e, EntityRequest r) {
        if (e.kind == EntityKind.EVENT) {
            if (e.eventStatus != EventStatus.FOILED && r.eventStatus() == EventStatus.FOILED) {
                throw interventionRequired("A plot becomes FOILED", "eventStatus", "foilsEventId");
            }
            if (e.eventStatus == EventStatus.FOILED && (r.eventStatus() != e.eventStatus
                    || r.eventType() != e.eventType || !e.eventDate.equals(r.eventDate()) || r.category() != e.category)) {
                throw countedBy("A foiled plot keeps the type, status, date and category its intervention counted.");
            }
        }
        if (e.organisationStatus == OrganisationStatus.DISMANTLED
                && (r.organisationKind() != e.organisationKind || r.category() != e.category)) {
            throw countedBy("A dismantled organisation keeps the kind and category its intervention counted.");
        }
    }

    private static ProblemException interventionRequired(String what, String field, String interventionField) {
        return new ProblemException(422, INTERVENTION_REQUIRED, "Intervention required",
                what + " only through an approved intervention: POST /api/intelligence/cases/{caseId}/interventions"
                        + " with " + interventionField + ", approved by a supervisor of the owning agency"
                        + " (POST /api/intelligence/cases/{caseId}/interventions/{interventionId}/approve).",
                List.of(new Problem.FieldError(field, "is set by an approved intervention")), null);
    }

    private static ProblemException countedBy(String detail) {
        return new ProblemException(422, INTERVENTION_REQUIRED, "Counted by an intervention", detail
                + " The annual statistics count it; an approved intervention set it.", null, null);
    }

    private static void checkKindFields(EntityRequest r) {
        List<String> missing = new ArrayList<>();
        if (r.kind() == EntityKind.ORGANISATION) {
            if (r.organisationKind() == null) {
                missing.add("organisationKind");
            }
            if (r.organisationStatus() == null) {
                missing.add("organisationStatus");
            }
        }
        if (r.kind() == EntityKind.EVENT) {
            if (r.eventType() == null) {
                missing.add("eventType");
            }
            if (r.eventStatus() == null) {
                missing.add("eventStatus");
            }
            if (r.eventDate() == null) {
                missing.add("eventDate");
            }
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(400, null, "Invalid request",
                    "A " + r.kind() + " needs " + String.join(", ", missing) + ".",
                    missing.stream().map(f -> new Problem.FieldError(f, "must not be null for " + r.kind()))
                            .toList(), null);
        }
    }

    private void apply(Caller caller, IntelEntity e, EntityRequest r) {
        if (e.kind == null) {
            e.kind = r.kind();
            e.organisationStatus = r.organisationStatus();
        }
        e.displayName = r.displayName().strip();
        e.description = r.description();
        e.names.clear();
        List<EntityRequest.Name> names = r.names() == null || r.names().isEmpty()
                ? List.of(new EntityRequest.Name(e.displayName, NameType.PRIMARY, null)) : r.names();
        for (EntityRequest.Name n : names) {
            String raw = n.name().strip();
            e.names.add(new EntityName(raw, n.script() != null ? n.script() : ArabicNormaliser.script(raw),
                    n.type() == null ? NameType.ALIAS : n.type(), ArabicNormaliser.normalise(raw).toLowerCase()));
        }
        e.identifiers.clear();
        if (r.identifiers() != null) {
            r.identifiers().forEach(i -> e.identifiers.add(new EntityIdentifier(i.type(), i.value(), i.country())));
        }
        e.birthDate = r.birthDate();
        e.nationality = r.nationality();
        e.organisationKind = r.organisationKind();
        e.category = r.category();
        e.externalAffiliations = r.externalAffiliations() == null ? new String[0]
                : r.externalAffiliations().toArray(String[]::new);
        e.country = r.country();
        e.latitude = r.latitude();
        e.longitude = r.longitude();
        e.nationalTerritory = r.nationalTerritory();
        e.eventType = r.eventType();
        e.eventStatus = r.eventStatus();
        e.eventDate = r.eventDate();
        if (r.placeId() != null) {
            IntelEntity place = entities.findVisible(caller, r.placeId()).orElse(null);
            if (place == null || place.kind != EntityKind.LOCATION) {
                throw new ProblemException(422, null, "Unknown place", "placeId must name a location.",
                        List.of(new Problem.FieldError("placeId", "must name an existing location")), null);
            }
            if (e.nationalTerritory == null) {
                e.nationalTerritory = place.nationalTerritory;
            }
        }
        e.placeId = r.placeId();
        e.arrests = r.arrests();
        e.updatedAt = clock.instant();
    }
}
