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
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.api.WarningRequest;
import org.yaqaza.liaison.config.LiaisonConfig;
import org.yaqaza.liaison.model.Escalation;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Warning;
import org.yaqaza.liaison.repository.EscalationRepository;
import org.yaqaza.liaison.repository.PartnerRepository;
import org.yaqaza.liaison.repository.WarningRepository;

/** Threat warnings: issued with a deadline set by precedence, acknowledged by the partner, else escalated once. */
@ApplicationScoped
public class WarningService {

    static final String OBJECT_TYPE = "warning";

    private final WarningRepository warnings;
    private final EscalationRepository escalations;
    private final PartnerRepository partners;
    private final PartnerAccess access;
    private final LiaisonConfig.Warnings config;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public WarningService(WarningRepository warnings, EscalationRepository escalations, PartnerRepository partners,
            PartnerAccess access, LiaisonConfig config, AuditTrail audit, EntityManager em, Clock clock) {
        this.warnings = warnings;
        this.escalations = escalations;
        this.partners = partners;
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

    /** Duty to warn: no agreement is needed, but the partner must be registered, visible and not ended. */
    @Transactional
    public Warning issue(Caller caller, WarningRequest request) {
        Partner partner = partners.findVisibleByCode(caller, request.partner()).orElseThrow(() ->
                ProblemException.unprocessable("Unknown partner", "No partner " + request.partner()
                        + " is registered."));
        if (partner.status == PartnerStatus.ENDED) {
            throw ProblemException.unprocessable("Partnership ended", "Partner " + partner.code
                    + ": the partnership has ended.");
        }
        Warning warning = new Warning();
        warning.protect(caller, clock.instant(), request.classification(), request.compartments(), List.of());
        warning.partnerCode = partner.code;
        warning.precedence = request.precedence();
        warning.tlp = request.tlp();
        warning.title = request.title();
        warning.body = request.body();
        warning.issuedAt = warning.createdAt;
        warning.deadlineAt = warning.issuedAt.plus(deadline(request.precedence()));
        warnings.persist(warning);
        audit.record("ISSUE", OBJECT_TYPE, warning.id, warning.classification,
                warning.precedence + " to " + partner.code + ", deadline " + warning.deadlineAt);
        return warning;
    }

    @Transactional
    public Warning get(Caller caller, UUID id) {
        Warning warning = warnings.getVisible(caller, id, "Warning");
        audit.read(OBJECT_TYPE, warning);
        return warning;
    }

    @Transactional
    public Page<Warning> list(Caller caller, Precedence precedence, Boolean acknowledged, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
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
        return warnings.find("partnerCode = ?1 order by issuedAt desc, id desc", partner.code).page(0, limit).list();
    }

    @Transactional
    public Warning getForPartner(Caller caller, UUID id) {
        Partner partner = access.require(caller);
        Warning warning = warnings.find("id = ?1 and partnerCode = ?2", id, partner.code).firstResult();
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
        List<Warning> due = em.createNativeQuery("select * from warning where acknowledged_at is null and "
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
