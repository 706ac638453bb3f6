package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.MarkingAuthority;
import org.yaqaza.common.security.Role;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.api.ReportRequest;
import org.yaqaza.intelligence.extraction.ExtractionQueue;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.model.Mention;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.model.SourceType;
import org.yaqaza.intelligence.query.ReportFilter;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.repository.MentionRepository;
import org.yaqaza.intelligence.repository.ReportRepository;

/**
 * Filing, reading and correcting raw reports, always under the visibility rule and audited. A correction is made by
 * the owning agency only (a collector: only their own reports, until used), keeps the report's provenance and
 * changes its marking only as {@link MarkingAuthority} allows.
 */
@ApplicationScoped
public class ReportService {

    static final String OBJECT_TYPE = "report";
    public static final int MAX_IDEMPOTENCY_KEY = 200;

    private final ReportRepository reports;
    private final EntityRepository entities;
    private final MentionRepository mentions;
    private final AlertService alerts;
    private final MarkingAuthority markings;
    private final AuditTrail audit;
    private final Sql sql;
    private final ExtractionQueue extraction;
    private final Clock clock;

    public ReportService(ReportRepository reports, EntityRepository entities, MentionRepository mentions,
            AlertService alerts, MarkingAuthority markings, AuditTrail audit, Sql sql, ExtractionQueue extraction,
            Clock clock) {
        this.reports = reports;
        this.entities = entities;
        this.mentions = mentions;
        this.alerts = alerts;
        this.markings = markings;
        this.audit = audit;
        this.sql = sql;
        this.extraction = extraction;
        this.clock = clock;
    }

    /** A filed report, and whether it was filed by an earlier request with the same Idempotency-Key. */
    public record Filed(Report report, boolean replayed) {
    }

    @Transactional
    public Report create(Caller caller, ReportRequest request) {
        return create(caller, request, null).report();
    }

    /**
     * Files a report. With an Idempotency-Key, the key is claimed first (per caller): a retry finds the claim
     * and answers with the report stored the first time; a concurrent twin waits on the claim's row lock.
     */
    @Transactional
    public Filed create(Caller caller, ReportRequest request, String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            UUID claimed = sql.one("""
                    insert into report_idempotency (subject, idem_key, report_id) values (:subject, :key, :id)
                    on conflict do nothing returning report_id""",
                    Map.of("subject", caller.subject(), "key", idempotencyKey, "id", id),
                    rs -> rs.getObject(1, UUID.class));
            if (claimed == null) {
                UUID existing = sql.one("select report_id from report_idempotency where subject = :subject"
                        + " and idem_key = :key", Map.of("subject", caller.subject(), "key", idempotencyKey),
                        rs -> rs.getObject(1, UUID.class));
                Report first = reports.getVisible(caller, existing, "Report");
                audit.read(OBJECT_TYPE, first);
                return new Filed(first, true);
            }
        }
        checkRules(request);
        checkSubmission(caller, request.submissionId());
        List<UUID> mentioned = visibleEntities(caller, request.mentions());
        Report report = new Report();
        report.protect(caller, clock.instant(), request.classification(), request.compartments(), request.sharedWith());
        report.id = id;
        report.sourceType = request.sourceType();
        report.originatorPartner = request.originatorPartner();
        report.tlp = receivedTlp(request.originatorPartner(), request.tlp());
        report.submissionId = request.submissionId();
        apply(report, request);
        reports.persist(report);
        // queued before the audit append: the append takes the audit chain's lock, held until COMMIT, so it comes
        // last (but for mentions, whose MENTION event must follow the CREATE in the chain)
        extraction.enqueue(caller, List.of(report.id));
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, report.id, report.classification, null);
        addMentions(caller, report, mentioned);
        return new Filed(report, false);
    }

    public static void checkIdempotencyKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ProblemException.badRequest("Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters.", "Idempotency-Key");
        }
    }

    @Transactional
    public Report get(Caller caller, UUID id) {
        Report report = reports.getVisible(caller, id, "Report");
        audit.read(OBJECT_TYPE, report);
        return report;
    }

    @Transactional
    public Page<Report> list(Caller caller, ReportFilter filter, PageRequest page) {
        Page<Report> result = reports.pageVisible(caller, filter.where(), filter.parameters(), page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    @Transactional
    public long count(Caller caller, ReportFilter filter) {
        return reports.countVisible(caller, filter.where(), filter.parameters());
    }

    /**
     * Corrects a report: content freely, provenance never (422), the marking up at once but down only through a
     * downgrade request (422 naming it); who may is {@link #requireEditable}.
     */
    @Transactional
    public Report update(Caller caller, UUID id, ReportRequest request, Long expectedVersion) {
        Report report = reports.getVisible(caller, id, "Report");
        requireEditable(caller, report);
        Versions.require(expectedVersion, request.version(), report.version, "report");
        EditRules.requireProvenanceKept(OBJECT_TYPE,
                new EditRules.ProvenanceField("sourceType", report.sourceType, request.sourceType()),
                new EditRules.ProvenanceField("originatorPartner", report.originatorPartner,
                        request.originatorPartner()),
                new EditRules.ProvenanceField("tlp", report.tlp, request.tlp()),
                new EditRules.ProvenanceField("submissionId", report.submissionId, request.submissionId()));
        checkRules(ruleViolation(report.sourceType, request.legalAuthorisation(), report.originatorPartner,
                report.tlp));
        List<UUID> mentioned = visibleEntities(caller, request.mentions());
        markings.apply(caller, report, Marking.of(request.classification(), request.compartments(),
                request.sharedWith()), OBJECT_TYPE);
        apply(report, request);
        reports.flush();
        audit.record(AuditActor.of(caller), "UPDATE", OBJECT_TYPE, report.id, report.classification, null);
        addMentions(caller, report, mentioned);
        extraction.enqueue(caller, List.of(report.id));
        return report;
    }

    /** Links a report to entities it names; the report must be visible, each entity too. */
    @Transactional
    public List<UUID> mention(Caller caller, UUID reportId, List<UUID> entityIds) {
        Report report = reports.getVisible(caller, reportId, "Report");
        requireEditable(caller, report);
        List<UUID> added = addMentions(caller, report, visibleEntities(caller, entityIds));
        return added;
    }

    /** Entities named by a report, among those the caller may see. */
    @Transactional
    public List<IntelEntity> mentionedEntities(Caller caller, UUID reportId) {
        Report report = reports.getVisible(caller, reportId, "Report");
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("report", report.id);
        List<IntelEntity> found = entities.list("id in (select m.entityId from Mention m where m.reportId = :report)"
                + " and " + Visibility.predicate() + " order by displayName", params);
        audit.readAll("entity", found);
        return found;
    }

    private List<UUID> addMentions(Caller caller, Report report, List<UUID> entityIds) {
        List<UUID> added = new ArrayList<>();
        Instant now = clock.instant();
        for (UUID entityId : entityIds) {
            Mention.Key key = new Mention.Key();
            key.reportId = report.id;
            key.entityId = entityId;
            if (mentions.findById(key) != null) {
                continue;
            }
            Mention m = new Mention();
            m.reportId = report.id;
            m.entityId = entityId;
            m.createdAt = now;
            m.createdBy = caller.subject();
            mentions.persist(m);
            added.add(entityId);
        }
        if (!added.isEmpty()) {
            mentions.flush();
            audit.record(AuditActor.of(caller), "MENTION", OBJECT_TYPE, report.id, report.classification,
                    "entities=" + added);
            alerts.mentionAlerts(added.stream().map(e -> report.id).toList(), added);
        }
        return added;
    }

    /** The named entities, all of which must exist and be visible: 422 otherwise (missing and hidden alike). */
    private List<UUID> visibleEntities(Caller caller, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("ids", wanted);
        long visible = entities.count("id in :ids and " + Visibility.predicate(), params);
        if (visible != wanted.size()) {
            throw new ProblemException(422, null, "Unknown entity",
                    "mentions names an entity that does not exist.",
                    List.of(new org.yaqaza.common.problem.Problem.FieldError("mentions",
                            "must name existing entities")), null);
        }
        return List.copyOf(wanted);
    }

    /**
     * The content rules of "Who may change what": the owning agency only (403), and a collector only their own
     * reports until someone has used them (403).
     */
    private void requireEditable(Caller caller, Report report) {
        EditRules.requireContentEdit(caller, report, () -> reports.isUsed(report), OBJECT_TYPE);
    }

    /** The TLP partner material is stored under: as received, AMBER when it came unmarked (conservative). */
    static Tlp receivedTlp(String originatorPartner, Tlp tlp) {
        if (originatorPartner == null) {
            return null;
        }
        return tlp == null ? Tlp.AMBER : tlp;
    }

    /** Only the liaison-service (role service) files what partners submitted, with the submission's id. */
    static String submissionViolation(Caller caller, String submissionId) {
        if (submissionId != null && !caller.hasRole(Role.SERVICE)) {
            return "Submission id reserved: submissionId is set by the liaison-service for partner submissions.";
        }
        return null;
    }

    private static void checkSubmission(Caller caller, String submissionId) {
        checkRules(submissionViolation(caller, submissionId));
    }

    static void checkRules(ReportRequest request) {
        checkRules(ruleViolation(request));
    }

    private static void checkRules(String problem) {
        if (problem != null) {
            throw ProblemException.unprocessable(problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 2));
        }
    }

    /** "Title: detail" of the first business rule a new report breaks, or null. */
    static String ruleViolation(ReportRequest request) {
        return ruleViolation(request.sourceType(), request.legalAuthorisation(), request.originatorPartner(),
                request.tlp());
    }

    private static String ruleViolation(SourceType sourceType, String legalAuthorisation, String originatorPartner,
            Tlp tlp) {
        if (sourceType.intrusive() && (legalAuthorisation == null || legalAuthorisation.isBlank())) {
            return "Legal authorisation required: " + sourceType
                    + " collection is intrusive: legalAuthorisation must name its warrant.";
        }
        if (sourceType == SourceType.PARTNER && (originatorPartner == null || originatorPartner.isBlank())) {
            return "Originator required: A PARTNER report must keep its originatorPartner (third-party rule).";
        }
        if (tlp != null && originatorPartner == null) {
            return "TLP without partner: tlp marks partner material: name its originatorPartner.";
        }
        return null;
    }

    /** The content of a report: everything but its provenance and its marking. */
    private void apply(Report report, ReportRequest request) {
        report.reliability = request.reliability();
        report.credibility = request.credibility().shortValue();
        report.collectedAt = request.collectedAt().truncatedTo(ChronoUnit.MICROS);
        report.collectedPlace = request.collectedPlace();
        report.language = request.language();
        report.title = request.title();
        report.body = request.body();
        report.legalAuthorisation = request.legalAuthorisation();
        report.updatedAt = clock.instant();
    }
}
