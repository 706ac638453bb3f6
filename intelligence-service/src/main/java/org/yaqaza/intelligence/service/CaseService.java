package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.time.LocalDate;
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
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.CaseRequest;
import org.yaqaza.intelligence.api.CaseView;
import org.yaqaza.intelligence.api.InterventionRequest;
import org.yaqaza.intelligence.model.CaseStatus;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.EventStatus;
import org.yaqaza.intelligence.model.EventType;
import org.yaqaza.intelligence.model.IntelCase;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.model.Intervention;
import org.yaqaza.intelligence.model.InterventionStatus;
import org.yaqaza.intelligence.model.NameType;
import org.yaqaza.intelligence.model.EntityName;
import org.yaqaza.intelligence.model.OrganisationStatus;
import org.yaqaza.intelligence.repository.CaseRepository;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.repository.InterventionRepository;
import org.yaqaza.intelligence.repository.ReportRepository;
import org.yaqaza.intelligence.search.ArabicNormaliser;

/**
 * Cases: open -> under surveillance -> intervention -> referred to justice -> closed, every move checked and
 * kept, by the owning agency only. Interventions need a supervisor other than the requester; an approved one
 * records an arrest event and, when it dismantles an organisation or foils a plot, sets that organisation's or
 * plot's status: the only way the statistics' dismantled cells and foiled plots change.
 */
@ApplicationScoped
public class CaseService {

    static final String OBJECT_TYPE = "case";

    private final CaseRepository cases;
    private final InterventionRepository interventions;
    private final EntityRepository entities;
    private final ReportRepository reports;
    private final EntityService entityService;
    private final AuditTrail audit;
    private final Sql sql;
    private final Clock clock;

    public CaseService(CaseRepository cases, InterventionRepository interventions, EntityRepository entities,
            ReportRepository reports, EntityService entityService, AuditTrail audit, Sql sql, Clock clock) {
        this.cases = cases;
        this.interventions = interventions;
        this.entities = entities;
        this.reports = reports;
        this.entityService = entityService;
        this.audit = audit;
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional
    public IntelCase create(Caller caller, CaseRequest r) {
        Set<UUID> entityIds = new LinkedHashSet<>(r.entityIds() == null ? List.of() : r.entityIds());
        Set<UUID> reportIds = new LinkedHashSet<>(r.reportIds() == null ? List.of() : r.reportIds());
        requireVisible(caller, "IntelEntity", entityIds, "entityIds");
        Lineage lineage = reports.citedLineage(caller, reportIds, "reportIds");
        IntelCase c = new IntelCase();
        c.protect(caller, clock.instant(), r.classification(), r.compartments(), r.sharedWith());
        c.title = r.title();
        c.summary = r.summary();
        c.category = r.category();
        c.status = CaseStatus.OPEN;
        c.entityIds = entityIds.toArray(UUID[]::new);
        c.reportIds = reportIds.toArray(UUID[]::new);
        c.lineage = lineage.encode();
        c.updatedAt = clock.instant();
        cases.persist(c);
        cases.flush();
        recordTransition(caller, c, null, CaseStatus.OPEN, LocalDate.now(clock), null);
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, c.id, c.classification, null);
        return c;
    }

    @Transactional
    public CaseView get(Caller caller, UUID id) {
        IntelCase c = cases.getVisible(caller, id, "Case");
        audit.read(OBJECT_TYPE, c);
        return view(caller, c);
    }

    @Transactional
    public Page<CaseView> list(Caller caller, CaseStatus status, PageRequest page) {
        Page<IntelCase> found = status == null ? cases.pageVisible(caller, null, Map.of(), page)
                : cases.pageVisible(caller, "status = :status", Map.of("status", status), page);
        audit.readAll(OBJECT_TYPE, found.items());
        return found.map(c -> view(caller, c));
    }

    /** 409 with the allowed next states for a move the life cycle does not permit. */
    @Transactional
    public CaseView transition(Caller caller, UUID id, CaseStatus to, String prosecutionReference, String note,
            LocalDate on) {
        IntelCase c = cases.getVisible(caller, id, "Case");
        EditRules.requireOwnerAgency(caller, c, OBJECT_TYPE);
        checkAllowed(c, to);
        if (to == CaseStatus.INTERVENTION && interventions.count("caseId = ?1 and status = ?2", c.id,
                InterventionStatus.APPROVED) == 0) {
            throw ProblemException.conflict("No approved intervention",
                    "A case enters INTERVENTION through a supervisor-approved intervention.");
        }
        if (to == CaseStatus.REFERRED_TO_JUSTICE) {
            if (prosecutionReference == null || prosecutionReference.isBlank()) {
                throw new ProblemException(422, null, "Prosecution reference required",
                        "Referral to justice needs the prosecution reference.",
                        List.of(new Problem.FieldError("prosecutionReference", "must not be blank")), null);
            }
            c.prosecutionReference = prosecutionReference.strip();
        }
        CaseStatus from = c.status;
        c.status = to;
        c.updatedAt = clock.instant();
        cases.flush();
        recordTransition(caller, c, from, to, on == null ? LocalDate.now(clock) : on, note);
        audit.record(AuditActor.of(caller), "TRANSITION", OBJECT_TYPE, c.id, c.classification, from + "->" + to);
        return view(caller, c);
    }

    private static void checkAllowed(IntelCase c, CaseStatus to) {
        if (!c.status.allowedNext().contains(to)) {
            throw new ProblemException(409, null, "Invalid transition",
                    "A case " + c.status + " can move to " + c.status.allowedNext() + ", not " + to + ".",
                    c.status.allowedNext().stream().map(s -> new Problem.FieldError("allowedNext", s.name()))
                            .toList(), null);
        }
    }

    @Transactional
    public CaseView requestIntervention(Caller caller, UUID caseId, InterventionRequest r) {
        IntelCase c = cases.getVisible(caller, caseId, "Case");
        EditRules.requireOwnerAgency(caller, c, OBJECT_TYPE);
        if (c.status != CaseStatus.UNDER_SURVEILLANCE && c.status != CaseStatus.INTERVENTION) {
            throw ProblemException.conflict("Case not ready",
                    "Interventions are requested for cases UNDER_SURVEILLANCE or in INTERVENTION, not " + c.status
                            + ".");
        }
        if (r.locationId() != null) {
            IntelEntity place = entities.findVisible(caller, r.locationId()).orElse(null);
            if (place == null || place.kind != EntityKind.LOCATION) {
                throw unknown("locationId", "must name an existing location");
            }
        }
        if (r.dismantlesOrganisationId() != null) {
            IntelEntity org = entities.findVisible(caller, r.dismantlesOrganisationId()).orElse(null);
            if (org == null || org.kind != EntityKind.ORGANISATION) {
                throw unknown("dismantlesOrganisationId", "must name an existing organisation");
            }
            EditRules.requireOwnerAgency(caller, org, "organisation");
        }
        if (r.foilsEventId() != null) {
            IntelEntity plot = entities.findVisible(caller, r.foilsEventId()).orElse(null);
            if (plot == null || plot.kind != EntityKind.EVENT || plot.eventType != EventType.PLOT) {
                throw unknown("foilsEventId", "must name an existing plot");
            }
            if (plot.eventStatus != EventStatus.PLANNED) {
                throw ProblemException.conflict("Plot not planned",
                        "Only a PLANNED plot is foiled; this one is " + plot.eventStatus + ".");
            }
            EditRules.requireOwnerAgency(caller, plot, "plot");
        }
        Intervention i = new Intervention();
        i.id = UUID.randomUUID();
        i.caseId = c.id;
        i.date = r.date();
        i.place = r.place();
        i.locationId = r.locationId();
        i.arrests = r.arrests();
        i.seizures = r.seizures() == null ? new String[0] : r.seizures().toArray(String[]::new);
        i.dismantlesOrganisationId = r.dismantlesOrganisationId();
        i.foilsEventId = r.foilsEventId();
        i.status = InterventionStatus.PENDING_APPROVAL;
        i.requestedBy = caller.subject();
        i.requestedAt = clock.instant();
        interventions.persist(i);
        audit.record(AuditActor.of(caller), "REQUEST_INTERVENTION", OBJECT_TYPE, c.id, c.classification,
                "intervention=" + i.id);
        return view(caller, c);
    }

    /** Approval by a supervisor other than the requester; records what the intervention did. */
    @Transactional
    public CaseView decideIntervention(Caller caller, UUID caseId, UUID interventionId, boolean approve) {
        IntelCase c = cases.getVisible(caller, caseId, "Case");
        EditRules.requireOwnerAgency(caller, c, OBJECT_TYPE);
        Intervention i = interventions.find("id = ?1 and caseId = ?2", interventionId, c.id).firstResult();
        if (i == null) {
            throw ProblemException.notFound("Intervention", interventionId);
        }
        FourEyes.requireDifferent(caller, i.requestedBy, "intervention");
        if (i.status != InterventionStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("Already decided", "This intervention is " + i.status + ".");
        }
        i.status = approve ? InterventionStatus.APPROVED : InterventionStatus.REJECTED;
        i.decidedBy = caller.subject();
        i.decidedAt = clock.instant();
        if (approve) {
            if (i.arrests > 0) {
                i.eventId = arrestEvent(caller, c, i).id;
            }
            if (i.dismantlesOrganisationId != null) {
                IntelEntity org = entities.getVisible(caller, i.dismantlesOrganisationId, "Entity");
                if (org.organisationStatus != OrganisationStatus.DISMANTLED) {
                    entityService.dismantle(caller, org, i.date, c.id);
                }
            }
            if (i.foilsEventId != null) {
                IntelEntity plot = entities.getVisible(caller, i.foilsEventId, "Entity");
                if (plot.eventStatus == EventStatus.EXECUTED) {
                    throw ProblemException.conflict("Plot not planned",
                            "The plot was EXECUTED since the intervention was requested; it cannot be foiled.");
                }
                if (plot.eventStatus == EventStatus.PLANNED) {
                    entityService.foil(caller, plot, c.id);
                }
            }
            if (c.status == CaseStatus.UNDER_SURVEILLANCE) {
                c.status = CaseStatus.INTERVENTION;
                c.updatedAt = i.decidedAt;
                recordTransition(caller, c, CaseStatus.UNDER_SURVEILLANCE, CaseStatus.INTERVENTION, i.date,
                        "intervention " + i.id + " approved");
            }
        }
        interventions.flush();
        audit.record(AuditActor.of(caller), approve ? "APPROVE_INTERVENTION" : "REJECT_INTERVENTION", OBJECT_TYPE,
                c.id, c.classification, "intervention=" + i.id);
        return view(caller, c);
    }

    /** The arrests of an approved intervention, as an ARREST event with the case's marking. */
    private IntelEntity arrestEvent(Caller caller, IntelCase c, Intervention i) {
        IntelEntity e = new IntelEntity();
        e.protect(caller, clock.instant(), c.classification, List.of(c.compartments), List.of(c.sharedWith));
        e.kind = EntityKind.EVENT;
        e.displayName = "Arrests: " + c.title + " (" + i.date + ")";
        e.names.add(new EntityName(e.displayName, ArabicNormaliser.script(e.displayName), NameType.PRIMARY,
                ArabicNormaliser.normalise(e.displayName).toLowerCase()));
        e.eventType = EventType.ARREST;
        e.eventStatus = EventStatus.EXECUTED;
        e.eventDate = i.date;
        e.category = c.category;
        e.arrests = i.arrests;
        e.placeId = i.locationId;
        e.nationalTerritory = i.locationId == null ? Boolean.TRUE
                : entities.findById(i.locationId).nationalTerritory;
        e.description = "Intervention at " + i.place;
        e.updatedAt = clock.instant();
        entities.persist(e);
        audit.record(AuditActor.of(caller), "CREATE", EntityService.OBJECT_TYPE, e.id, e.classification,
                "ARREST event of case " + c.id);
        return e;
    }

    private void recordTransition(Caller caller, IntelCase c, CaseStatus from, CaseStatus to, LocalDate on,
            String note) {
        Map<String, Object> p = new HashMap<>();
        p.put("case", c.id);
        p.put("from", from == null ? null : from.name());
        p.put("to", to.name());
        p.put("at", clock.instant());
        p.put("on", on);
        p.put("actor", caller.subject());
        p.put("note", note);
        sql.update("insert into case_transition (case_id, from_status, to_status, occurred_at, occurred_on, actor,"
                + " note) values (:case, :from, :to, :at, :on, :actor, :note)", p);
    }

    /** A case's entity and report ids, in the order the case lists them. */
    private record Links(List<UUID> entityIds, List<UUID> reportIds) {
    }

    /**
     * Only the ids of entities and reports the reader may see, chosen by the visibility rule in the query: a case
     * shared with another agency, or read at a lower clearance, must not tell which hidden records it groups.
     */
    private Links visibleLinks(Caller caller, UUID caseId) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("id", caseId);
        return sql.one("""
                select array(select u.id from unnest(c.entity_ids) with ordinality as u(id, n)
                               join entity e on e.id = u.id where %s order by u.n) as entity_ids,
                       array(select u.id from unnest(c.report_ids) with ordinality as u(id, n)
                               join report r on r.id = u.id where %s order by u.n) as report_ids
                  from intel_case c where c.id = :id""".formatted(Visibility.sqlPredicate("e"),
                Visibility.sqlPredicate("r")), p,
                rs -> new Links(List.of(Sql.uuids(rs, "entity_ids")), List.of(Sql.uuids(rs, "report_ids"))));
    }

    /** What an intervention points at (place, organisation, plot, arrest event), each only if the reader may see it. */
    private record InterventionRefs(UUID locationId, UUID dismantlesOrganisationId, UUID foilsEventId,
            UUID eventId) {
    }

    /**
     * The entities the case's interventions point at, by intervention, each decided by the visibility rule in the
     * query: an id the reader may not see is null, like an id never given, so neither its existence nor which
     * hidden location, organisation, plot or arrest event it was shows.
     */
    private Map<UUID, InterventionRefs> visibleInterventionRefs(Caller caller, UUID caseId) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("id", caseId);
        Map<UUID, InterventionRefs> out = new HashMap<>();
        sql.query("""
                select i.id,
                       (select e.id from entity e where e.id = i.location_id and %1$s) as location_id,
                       (select e.id from entity e where e.id = i.dismantles_organisation_id and %1$s)
                           as dismantles_organisation_id,
                       (select e.id from entity e where e.id = i.foils_event_id and %1$s) as foils_event_id,
                       (select e.id from entity e where e.id = i.event_id and %1$s) as event_id
                  from intervention i where i.case_id = :id""".formatted(Visibility.sqlPredicate("e")), p,
                rs -> out.put(rs.getObject("id", UUID.class), new InterventionRefs(
                        rs.getObject("location_id", UUID.class), rs.getObject("dismantles_organisation_id", UUID.class),
                        rs.getObject("foils_event_id", UUID.class), rs.getObject("event_id", UUID.class))));
        return out;
    }

    private CaseView view(Caller caller, IntelCase c) {
        Links links = visibleLinks(caller, c.id);
        Map<UUID, InterventionRefs> refs = visibleInterventionRefs(caller, c.id);
        List<CaseView.Transition> history = sql.query("select * from case_transition where case_id = :id order by id",
                Map.of("id", c.id), rs -> new CaseView.Transition(
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), Sql.date(rs, "occurred_on"),
                        Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("note")));
        List<CaseView.InterventionView> list = interventions.list("caseId = ?1 order by requestedAt", c.id).stream()
                .map(i -> {
                    InterventionRefs seen = refs.get(i.id);
                    return new CaseView.InterventionView(i.id, i.date, i.place, seen.locationId(), i.arrests,
                            List.of(i.seizures), seen.dismantlesOrganisationId(), i.status, i.requestedBy,
                            i.decidedBy, i.decidedAt, seen.eventId(), seen.foilsEventId());
                })
                .toList();
        return new CaseView(c.id, c.title, c.summary, c.category, c.status, c.status.allowedNext(),
                c.prosecutionReference, links.entityIds(), links.reportIds(), history, list, c.classification,
                List.of(c.compartments), c.ownerAgency, c.createdAt, c.createdBy, c.version,
                // the lineage of the cited reports the reader may see; the stored, whole one stays for the server
                reports.visibleLineage(caller, List.of(c.reportIds)).list());
    }

    private void requireVisible(Caller caller, String entityName, Set<UUID> ids, String field) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        Long visible = cases.getEntityManager()
                .createQuery("select count(x) from " + entityName + " x where x.id in :ids and "
                        + Visibility.predicate("x"), Long.class)
                .setParameter("ids", ids)
                .setParameter(Visibility.CLEARANCE, p.get(Visibility.CLEARANCE))
                .setParameter(Visibility.COMPARTMENTS, p.get(Visibility.COMPARTMENTS))
                .setParameter(Visibility.AGENCY, p.get(Visibility.AGENCY))
                .getSingleResult();
        if (visible != ids.size()) {
            throw unknown(field, "must name existing records");
        }
    }

    private static ProblemException unknown(String field, String message) {
        return new ProblemException(422, null, "Unknown reference", field + " " + message + ".",
                List.of(new Problem.FieldError(field, message)), null);
    }
}
