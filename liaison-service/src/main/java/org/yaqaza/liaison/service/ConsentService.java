package org.yaqaza.liaison.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Role;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.api.ConsentRequest;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Consent;
import org.yaqaza.liaison.model.ConsentStatus;
import org.yaqaza.liaison.repository.ConsentRepository;
import org.yaqaza.liaison.repository.PartnerRepository;

/**
 * Consent records of the third-party rule, as accountable acts: recorded with the originator's reference and a
 * bounded scope, counted only once a supervisor (who can see both partnerships) other than the recorder approved them,
 * revocable; every step audited with the scope.
 */
@ApplicationScoped
public class ConsentService {

    static final String OBJECT_TYPE = "consent";
    private static final String WHAT = "consent";

    private final ConsentRepository consents;
    private final PartnerRepository partners;
    private final AuditTrail audit;
    private final Clock clock;

    public ConsentService(ConsentRepository consents, PartnerRepository partners, AuditTrail audit, Clock clock) {
        this.consents = consents;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /** Recorded PENDING: it counts once approved. */
    @Transactional
    public Consent record(Caller caller, ConsentRequest request) {
        if (request.originatorPartner().equals(request.recipientPartner())) {
            throw ProblemException.badRequest("Invalid consent", "Originator and recipient must differ.",
                    "recipientPartner");
        }
        checkScope(request);
        for (String code : List.of(request.originatorPartner(), request.recipientPartner())) {
            if (partners.findVisibleByCode(caller, code).isEmpty()) {
                throw ProblemException.unprocessable("Unknown partner", "No partner " + code + " is registered.");
            }
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.originatorPartner = request.originatorPartner();
        consent.recipientPartner = request.recipientPartner();
        consent.productId = request.productId();
        consent.category = request.category();
        consent.validFrom = request.validFrom();
        consent.validTo = request.validTo();
        consent.reference = request.reference().strip();
        consent.grantedOn = request.grantedOn();
        consent.ownerAgency = caller.agency() == null ? "" : caller.agency();
        consent.status = ConsentStatus.PENDING;
        consent.recordedAt = clock.instant();
        consent.recordedBy = caller.subject();
        consents.persist(consent);
        audit.record("CREATE", OBJECT_TYPE, consent.id, Classification.RESTRICTED, consent.scope() + " PENDING");
        return consent;
    }

    /** Four-eyes: a supervisor who can see both partnerships and did not record it. */
    @Transactional
    public Consent approve(Caller caller, UUID id) {
        return decide(caller, id, ConsentStatus.APPROVED, "APPROVE");
    }

    @Transactional
    public Consent reject(Caller caller, UUID id) {
        return decide(caller, id, ConsentStatus.REJECTED, "REJECT");
    }

    /**
     * The originator withdrew it (or it was recorded in error): a liaison officer or supervisor of the recording
     * agency revokes a pending or approved consent, with the reason; releases checked afterwards no longer count it.
     */
    @Transactional
    public Consent revoke(Caller caller, UUID id, String reason) {
        Consent consent = visible(caller, id);
        requireAgency(caller, consent);
        if (consent.status != ConsentStatus.PENDING && consent.status != ConsentStatus.APPROVED) {
            throw ProblemException.conflict("Consent not in force", "This consent is " + consent.status + ".");
        }
        consent.status = ConsentStatus.REVOKED;
        consent.revokedBy = caller.subject();
        consent.revokedAt = clock.instant();
        consent.revokeReason = reason.strip();
        consents.flush();
        audit.record("REVOKE", OBJECT_TYPE, consent.id, Classification.RESTRICTED,
                consent.scope() + ": " + consent.revokeReason);
        return consent;
    }

    public Consent get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    /** Consents between partners the caller can both see (the visibility rule applies to partnerships). */
    public List<Consent> list(Caller caller, String originator, String recipient) {
        StringBuilder q = new StringBuilder("select c from Consent c where " + bothVisible());
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        if (originator != null) {
            q.append(" and c.originatorPartner = :o");
            p.put("o", originator);
        }
        if (recipient != null) {
            q.append(" and c.recipientPartner = :r");
            p.put("r", recipient);
        }
        return consents.find(q + " order by c.recordedAt desc", p).page(0, 500).list();
    }

    /**
     * Whether an approved consent in force today lets the originator's material reach this recipient: for this
     * product, or for its category within the window.
     */
    public boolean consented(String originator, String recipient, UUID productId, Category category) {
        LocalDate today = LocalDate.now(clock);
        return consents.count("originatorPartner = ?1 and recipientPartner = ?2 and status = ?3 "
                + "and (productId = ?4 or (productId is null and category = ?5)) "
                + "and (validFrom is null or validFrom <= ?6) and (validTo is null or validTo >= ?6)", originator,
                recipient, ConsentStatus.APPROVED, productId, category, today) > 0;
    }

    private static void checkScope(ConsentRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if ((request.productId() == null) == (request.category() == null)) {
            errors.add(new Problem.FieldError("productId", "name one product, or a category (not both): no"
                    + " open-ended blanket consent"));
        }
        if ((request.validFrom() == null) != (request.validTo() == null)) {
            errors.add(new Problem.FieldError("validTo", "a window has both validFrom and validTo"));
        }
        if (request.category() != null && request.validFrom() == null) {
            errors.add(new Problem.FieldError("validFrom", "a category consent needs a window (at most a year)"));
        }
        if (request.validFrom() != null && request.validTo() != null) {
            if (request.validTo().isBefore(request.validFrom())) {
                errors.add(new Problem.FieldError("validTo", "must not be before validFrom"));
            } else if (request.validTo().isAfter(request.validFrom().plusYears(1))) {
                errors.add(new Problem.FieldError("validTo", "a window lasts at most one year"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, null, "Consent scope invalid", "A consent covers one product, or one"
                    + " category within a window of at most a year.", errors, null);
        }
    }

    private Consent pending(Caller caller, UUID id) {
        // the role first, like a route's @RolesAllowed: who may never decide learns nothing about the consent
        FourEyes.requireStanding(caller, Role.SUPERVISOR, null, WHAT);
        Consent consent = visible(caller, id);
        FourEyes.requireDifferent(caller, consent.recordedBy, WHAT);
        if (consent.status != ConsentStatus.PENDING) {
            throw ProblemException.conflict("Consent not pending", "This consent is " + consent.status + ".");
        }
        return consent;
    }

    private Consent decide(Caller caller, UUID id, ConsentStatus status, String action) {
        Consent consent = pending(caller, id);
        consent.status = status;
        consent.decidedBy = caller.subject();
        consent.decidedAt = clock.instant();
        consents.flush();
        audit.record(action, OBJECT_TYPE, consent.id, Classification.RESTRICTED, consent.scope());
        return consent;
    }

    private static void requireAgency(Caller caller, Consent consent) {
        if (caller.agency() == null || !caller.agency().equals(consent.ownerAgency)) {
            throw ProblemException.forbidden("Only " + consent.ownerAgency + ", which recorded this consent, changes"
                    + " it.");
        }
    }

    /** A consent between partners the caller can both see; 404 otherwise, like a missing one. */
    private Consent visible(Caller caller, UUID id) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("id", id);
        Consent consent = consents.find("select c from Consent c where c.id = :id and " + bothVisible(), p)
                .firstResult();
        if (consent == null) {
            throw ProblemException.notFound("Consent", id);
        }
        return consent;
    }

    private static String bothVisible() {
        return "exists (select 1 from Partner p where p.code = c.originatorPartner and " + Visibility.predicate("p")
                + ") and exists (select 1 from Partner q where q.code = c.recipientPartner and "
                + Visibility.predicate("q") + ")";
    }
}
