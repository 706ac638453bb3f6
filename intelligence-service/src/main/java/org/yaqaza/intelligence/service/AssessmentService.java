package org.yaqaza.intelligence.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
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
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.api.AssessmentRequest;
import org.yaqaza.intelligence.model.Assessment;
import org.yaqaza.intelligence.model.AssessmentStatus;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.model.ThreatLevel;
import org.yaqaza.intelligence.repository.AssessmentRepository;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.intelligence.repository.ReportRepository;

/**
 * Threat assessments with four-eyes approval: an analyst proposes, a different person (a supervisor of the owning
 * agency) approves or rejects. An assessment may cite reports, whose lineage it then carries. Approval supersedes
 * the subject's previous assessments the approver may see; a higher level than before raises an alert. Nothing is
 * deleted: the history is every assessment of the subject.
 */
@ApplicationScoped
public class AssessmentService {

    static final String OBJECT_TYPE = "assessment";

    private final AssessmentRepository assessments;
    private final EntityRepository entities;
    private final ReportRepository reports;
    private final AlertService alerts;
    private final AuditTrail audit;
    private final Sql sql;
    private final Clock clock;

    public AssessmentService(AssessmentRepository assessments, EntityRepository entities, ReportRepository reports,
            AlertService alerts, AuditTrail audit, Sql sql, Clock clock) {
        this.assessments = assessments;
        this.entities = entities;
        this.reports = reports;
        this.alerts = alerts;
        this.audit = audit;
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional
    public Assessment create(Caller caller, AssessmentRequest r) {
        IntelEntity subject = entities.findVisible(caller, r.subjectId()).orElse(null);
        if (subject == null || (subject.kind != EntityKind.PERSON && subject.kind != EntityKind.ORGANISATION)) {
            throw new ProblemException(422, null, "Unknown subject", "subjectId must name a person or organisation.",
                    List.of(new Problem.FieldError("subjectId", "must name an existing person or organisation")),
                    null);
        }
        Set<UUID> reportIds = new LinkedHashSet<>(r.reportIds() == null ? List.of() : r.reportIds());
        Lineage lineage = reports.citedLineage(caller, reportIds, "reportIds");
        Assessment a = new Assessment();
        a.protect(caller, clock.instant(), r.classification(), r.compartments(), r.sharedWith());
        a.subjectId = subject.id;
        a.reportIds = reportIds.toArray(UUID[]::new);
        a.lineage = lineage.encode();
        a.threatLevel = r.threatLevel();
        a.category = r.category();
        a.rationale = r.rationale();
        a.indicators = r.indicators() == null ? new String[0] : r.indicators().toArray(String[]::new);
        a.nextReview = r.nextReview();
        a.status = AssessmentStatus.PENDING_APPROVAL;
        a.updatedAt = clock.instant();
        assessments.persist(a);
        audit.record(AuditActor.of(caller), "CREATE", OBJECT_TYPE, a.id, a.classification, a.threatLevel.name());
        return a;
    }

    @Transactional
    public Assessment get(Caller caller, UUID id) {
        Assessment a = assessments.getVisible(caller, id, "Assessment");
        audit.read(OBJECT_TYPE, a);
        return a;
    }

    /**
     * Approves, supersedes the subject's earlier approved assessments the approver may see (never one they may not:
     * that would tell them it exists), and raises an alert when the level went up. Whoever reads the subject and
     * this assessment reads the alert, so it compares with, and names, only an earlier assessment every one of
     * them may read; without one it says "raised to" the new level, never "from" a level someone may not see.
     */
    @Transactional
    public Assessment approve(Caller caller, UUID id, String note) {
        Assessment a = decide(caller, id, note, AssessmentStatus.APPROVED);
        Assessment previous = supersedeVisible(caller, a).stream().filter(p -> p.readableByEveryReaderOf(a))
                .max(Comparator.comparing((Assessment p) -> p.decidedAt)).orElse(null);
        ThreatLevel before = previous == null ? ThreatLevel.LOW : previous.threatLevel;
        if (a.threatLevel.compareTo(before) > 0) {
            IntelEntity subject = entities.findById(a.subjectId);
            alerts.threatRaised(a.subjectId, a.id, "Threat level of " + subject.displayName + " raised "
                    + (previous == null ? "" : "from " + before + " ") + "to " + a.threatLevel + " ("
                    + a.category + ")");
        }
        return a;
    }

    /** One UPDATE under the approver's visibility rule: the earlier approved assessments it superseded. */
    private List<Assessment> supersedeVisible(Caller caller, Assessment approved) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("subject", approved.subjectId);
        p.put("id", approved.id);
        p.put("now", approved.updatedAt);
        List<UUID> superseded = sql.query("""
                update assessment s set status = 'SUPERSEDED', updated_at = :now, version = s.version + 1
                 where s.subject_id = :subject and s.status = 'APPROVED' and s.id <> :id and %s
                returning s.id""".formatted(Visibility.sqlPredicate("s")), p, rs -> rs.getObject(1, UUID.class));
        return superseded.isEmpty() ? List.of() : assessments.list("id in ?1", superseded);
    }

    @Transactional
    public Assessment reject(Caller caller, UUID id, String note) {
        return decide(caller, id, note, AssessmentStatus.REJECTED);
    }

    private Assessment decide(Caller caller, UUID id, String note, AssessmentStatus outcome) {
        Assessment a = assessments.getVisible(caller, id, "Assessment");
        EditRules.requireOwnerAgency(caller, a, OBJECT_TYPE);
        FourEyes.requireDifferent(caller, a.createdBy, "assessment");
        if (a.status != AssessmentStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("Already decided", "This assessment is " + a.status + ".");
        }
        a.status = outcome;
        a.decidedBy = caller.subject();
        a.decidedAt = clock.instant();
        a.decisionNote = note;
        a.updatedAt = a.decidedAt;
        assessments.flush();
        // the note is record content: it stays on the assessment, the trail keeps metadata only
        audit.record(AuditActor.of(caller), outcome == AssessmentStatus.APPROVED ? "APPROVE" : "REJECT",
                OBJECT_TYPE, a.id, a.classification, null);
        return a;
    }

    /** Every visible assessment of a subject, newest first: the full history. */
    @Transactional
    public List<Assessment> history(Caller caller, UUID subjectId) {
        entities.getVisible(caller, subjectId, "Entity");
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("subject", subjectId);
        List<Assessment> found = assessments.list("subjectId = :subject and " + Visibility.predicate()
                + " order by createdAt desc", p);
        audit.readAll(OBJECT_TYPE, found);
        return found;
    }

    /** Effective (approved) assessments whose next review date has passed. */
    @Transactional
    public List<Assessment> overdue(Caller caller, LocalDate today) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("today", today);
        p.put("approved", AssessmentStatus.APPROVED);
        List<Assessment> found = assessments.list("status = :approved and nextReview < :today and "
                + Visibility.predicate() + " order by nextReview", p);
        audit.readAll(OBJECT_TYPE, found);
        return found;
    }

    @Transactional
    public List<Assessment> pending(Caller caller) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("pending", AssessmentStatus.PENDING_APPROVAL);
        List<Assessment> found = assessments.list("status = :pending and " + Visibility.predicate()
                + " order by createdAt", p);
        audit.readAll(OBJECT_TYPE, found);
        return found;
    }
}
