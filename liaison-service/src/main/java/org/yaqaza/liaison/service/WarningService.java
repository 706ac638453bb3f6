package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.api.WarningRequest;
import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.liaison.model.Escalation;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Warning;
import org.yaqaza.liaison.model.WarningStatus;
import org.yaqaza.liaison.repository.EscalationRepository;
import org.yaqaza.liaison.repository.WarningRepository;

/**
 * Threat warnings: checked like releases, approved by a second person at SECRET and above, issued with a deadline set
 * by precedence, acknowledged by the partner, else escalated once.
 */
@ApplicationScoped
public class WarningService {

    static final String OBJECT_TYPE = "warning";

    private final WarningRepository warnings;
    private final EscalationRepository escalations;
    private final ProductSource products;
    private final ReleaseChecks checks;
    private final PartnerAccess access;
    private final LiaisonConfig.Warnings config;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public WarningService(WarningRepository warnings, EscalationRepository escalations, ProductSource products,
            ReleaseChecks checks, PartnerAccess access, LiaisonConfig config, AuditTrail audit, EntityManager em, Clock clock) {
        this.warnings = warnings;
        this.escalations = escalations;
        this.products = products;
        this.checks = checks;
        this.access = access;
        this.config = config.warnings();
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    public Duration deadline(Precedence precedence) {
        return switch (precedence) {
            case FLASH -> config.flash();
            case IMMEDIATE -> config.immediate();
            case PRIORITY -> config.priority();
            case ROUTINE -> config.routine();
        };
    }

    /**
     * Issues a warning through the release checks (active agreement, ceiling, category, and for a cited product the
     * third-party rule and TLP over its lineage). Below SECRET it reaches the partner at once; at SECRET and above it
     * waits for a supervisor other than its author, and its deadline counts from that approval.
     */
    @Transactional
    public Warning issue(Caller caller, WarningRequest request) {
        Warning warning = new Warning();
        warning.protect(caller, clock.instant(), request.classification(), request.compartments(), List.of());
        warning.partnerCode = request.partner();
        warning.precedence = request.precedence();
        warning.tlp = request.tlp();
        warning.category = request.category();
        warning.title = request.title();
        warning.body = request.body();
        if (request.productId() != null) {
            Product product = products.fetch(caller, request.productId());
            if (!warning.classification.dominates(product.classification())) {
                throw ProblemException.unprocessable("Warning marked below its product", "The cited product is "
                        + product.classification() + "; a warning citing it is marked " + product.classification()
                        + " or higher.");
            }
            warning.productId = product.id();
            warning.lineage = product.lineage().encode();
        }
        checks.check(caller, material(warning), List.of(warning.partnerCode));
        if (needsApproval(warning)) {
            warning.status = WarningStatus.PENDING_APPROVAL;
            warnings.persist(warning);
            audit.record("SUBMIT", OBJECT_TYPE, warning.id, warning.classification,
                    warning.precedence + " to " + warning.partnerCode + ", awaiting approval");
            return warning;
        }
        deliver(warning);
        warnings.persist(warning);
        audit.record("ISSUE", OBJECT_TYPE, warning.id, warning.classification,
                warning.precedence + " to " + warning.partnerCode + ", deadline " + warning.deadlineAt);
        return warning;
    }

    /** Four-eyes: a supervisor of the owning agency other than the author; the checks run again (agreements change). */
    @Transactional
    public Warning approve(Caller caller, UUID id) {
        Warning warning = pending(caller, id, "approved");
        checks.check(caller, material(warning), List.of(warning.partnerCode));
        warning.approvedBy = caller.subject();
        warning.approvedAt = clock.instant();
        deliver(warning);
        warnings.flush();
        audit.record("APPROVE", OBJECT_TYPE, warning.id, warning.classification,
                "issued to " + warning.partnerCode + ", deadline " + warning.deadlineAt);
        return warning;
    }

    /** A rejected warning never reaches the partner; the officer issues a new one if needed. */
    @Transactional
    public Warning reject(Caller caller, UUID id, String reason) {
        Warning warning = pending(caller, id, "rejected");
        warning.status = WarningStatus.REJECTED;
        warning.rejectedBy = caller.subject();
        warning.rejectionReason = reason;
        warnings.flush();
        audit.record("REJECT", OBJECT_TYPE, warning.id, warning.classification, reason);
        return warning;
    }

    private Warning pending(Caller caller, UUID id, String action) {
        Warning warning = warnings.getVisible(caller, id, "Warning");
        EditRules.requireOwnerAgency(caller, warning, OBJECT_TYPE);
        if (warning.status != WarningStatus.PENDING_APPROVAL) {
            throw ProblemException.conflict("Warning cannot be " + action, "Only a warning awaiting approval can be "
                    + action + "; it is " + warning.status + ".");
        }
        FourEyes.requireDifferent(caller, warning.createdBy, "warning");
        return warning;
    }

    /** The warning reaches the partner now: its acknowledgement deadline counts from here. */
    private void deliver(Warning warning) {
        warning.status = WarningStatus.ISSUED;
        warning.issuedAt = clock.instant();
        warning.deadlineAt = warning.issuedAt.plus(deadline(warning.precedence));
    }

    private static boolean needsApproval(Warning warning) {
        return warning.classification.dominates(Classification.SECRET);
    }

    private static ReleaseChecks.Material material(Warning warning) {
        return new ReleaseChecks.Material("Warning", warning.productId, warning.classification, warning.category,
                Lineage.decode(warning.lineage), Tlp.of(warning.tlp.label()));
    }

    @Transactional
    public Warning get(Caller caller, UUID id) {
        Warning warning = warnings.getVisible(caller, id, "Warning");
        audit.read(OBJECT_TYPE, warning);
        return warning;
    }

    @Transactional
    public Page<Warning> list(Caller caller, Precedence precedence, Boolean acknowledged, WarningStatus status,
            PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (precedence != null) {
            where.append(" and precedence = :precedence");
            params.put("precedence", precedence);
        }
        if (acknowledged != null) {
            where.append(acknowledged ? " and acknowledgedAt is not null" : " and acknowledgedAt is null");
        }
        Page<Warning> result = warnings.pageVisible(caller, where.toString(), params, page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    /** Escalation events of warnings the caller may see, newest first (reads of the warnings audited). */
    @Transactional
    public List<Object[]> escalations(Caller caller, UUID warningId, int limit) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        String q = "select e, w from Escalation e, Warning w where w.id = e.warningId and "
                + Visibility.predicate("w");
        if (warningId != null) {
            q += " and e.warningId = :warningId";
            params.put("warningId", warningId);
        }
        var query = em.createQuery(q + " order by e.escalatedAt desc, e.id desc", Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        audit.readAll(OBJECT_TYPE, rows.stream().map(row -> (Warning) row[1]).toList());
        return rows;
    }

    // partner side

    @Transactional
    public List<Warning> forPartner(Caller caller, int limit) {
        Partner partner = access.require(caller);
        return warnings.find("partnerCode = ?1 and status = ?2 order by issuedAt desc, id desc", partner.code,
                WarningStatus.ISSUED).page(0, limit).list();
    }

    @Transactional
    public Warning getForPartner(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        Warning warning = warnings.find("id = ?1 and partnerCode = ?2 and status = ?3", id, partner.code,
                WarningStatus.ISSUED).firstResult();
        if (warning == null) {
            throw ProblemException.notFound("Warning", id);
        }
        return warning;
    }

    @Transactional
    public Warning acknowledge(Caller caller, UUID id) {
        Warning warning = getForPartner(caller, id);
        if (warning.acknowledgedAt == null) {
            warning.acknowledgedAt = clock.instant();
            warning.acknowledgedBy = caller.subject();
            warnings.flush();
            audit.record("ACKNOWLEDGE", OBJECT_TYPE, warning.id, warning.classification,
                    "after " + Duration.between(warning.issuedAt, warning.acknowledgedAt).toSeconds() + " s"
                            + (warning.acknowledgedAt.isAfter(warning.deadlineAt) ? " (late)" : ""));
        }
        return warning;
    }

    /**
     * Escalates every unacknowledged warning past its deadline, once: the row lock (skip locked) keeps two
     * instances from taking the same warning, {@code escalated_at} keeps later runs from taking it again, and
     * the unique warning id of the escalation table backs both.
     */
    @Transactional
    public int escalateOverdue() {
        @SuppressWarnings("unchecked")
        List<Warning> due = em.createNativeQuery("select * from warning where status = 'ISSUED' and acknowledged_at is null and "
                + "escalated_at is null and deadline_at <= now() order by deadline_at limit 100 "
                + "for update skip locked", Warning.class).getResultList();
        Instant now = clock.instant();
        for (Warning warning : due) {
            warning.escalatedAt = now;
            Escalation e = new Escalation();
            e.id = UUID.randomUUID();
            e.warningId = warning.id;
            e.partnerCode = warning.partnerCode;
            e.precedence = warning.precedence;
            e.deadlineAt = warning.deadlineAt;
            e.escalatedAt = now;
            escalations.persist(e);
            audit.record(AuditActor.system("warning-escalation"), "ESCALATE", OBJECT_TYPE, warning.id,
                    warning.classification, warning.precedence + " to " + warning.partnerCode
                            + " unacknowledged since " + warning.deadlineAt);
        }
        em.flush();
        return due.size();
    }
}
