package org.yaqaza.liaison.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.AgreementRequest;
import org.yaqaza.liaison.model.Agreement;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.repository.AgreementRepository;
import org.yaqaza.liaison.repository.PartnerRepository;

/** Sharing agreements, reachable only through a partner the caller can see (and marked like it). */
@ApplicationScoped
public class AgreementService {

    static final String OBJECT_TYPE = "agreement";

    private final PartnerRepository partners;
    private final AgreementRepository agreements;
    private final AuditTrail audit;
    private final Clock clock;

    public AgreementService(PartnerRepository partners, AgreementRepository agreements, AuditTrail audit, Clock clock) {
        this.partners = partners;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Agreement create(Caller caller, UUID partnerId, AgreementRequest request) {
        Partner partner = partners.getVisible(caller, partnerId, "Partner");
        EditRules.requireOwnerAgency(caller, partner, PartnerService.OBJECT_TYPE);
        checkDates(request);
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.partnerId = partner.id;
        agreement.createdAt = clock.instant();
        agreement.createdBy = caller.subject();
        apply(agreement, request);
        agreements.persist(agreement);
        audit.record("CREATE", OBJECT_TYPE, agreement.id, partner.classification,
                "partner " + partner.code + ", ceiling " + agreement.ceiling + ", " + agreement.status);
        return agreement;
    }

    @Transactional
    public List<Agreement> list(Caller caller, UUID partnerId) {
        Partner partner = partners.getVisible(caller, partnerId, "Partner");
        audit.read(PartnerService.OBJECT_TYPE, partner);
        return agreements.list("partnerId = ?1 order by validFrom desc, id", partner.id);
    }

    @Transactional
    public Agreement get(Caller caller, UUID partnerId, UUID agreementId) {
        Partner partner = partners.getVisible(caller, partnerId, "Partner");
        Agreement agreement = agreements.findById(agreementId);
        if (agreement == null || !agreement.partnerId.equals(partner.id)) {
            throw ProblemException.notFound("Agreement", agreementId);
        }
        audit.read(PartnerService.OBJECT_TYPE, partner);
        return agreement;
    }

    @Transactional
    public Agreement update(Caller caller, UUID partnerId, UUID agreementId, AgreementRequest request,
            Long expectedVersion) {
        Agreement agreement = get(caller, partnerId, agreementId);
        Partner partner = partners.findById(partnerId);
        EditRules.requireOwnerAgency(caller, partner, PartnerService.OBJECT_TYPE);
        Versions.require(expectedVersion, request.version(), agreement.version, "agreement");
        checkDates(request);
        String before = terms(agreement.ceiling, agreement.categories);
        Classification oldCeiling = agreement.ceiling;
        Set<String> oldCategories = Set.of(agreement.categories);
        Classification wantedCeiling = request.ceiling();
        String[] wantedCategories = categories(request);
        boolean widens = wantedCeiling.level() > oldCeiling.level()
                || !oldCategories.containsAll(Set.of(wantedCategories));
        apply(agreement, request);
        if (widens) {
            // what narrows or stays applies now; the widening waits for a second person
            agreement.ceiling = wantedCeiling.level() > oldCeiling.level() ? oldCeiling : wantedCeiling;
            agreement.categories = Arrays.stream(wantedCategories).filter(oldCategories::contains)
                    .toArray(String[]::new);
            agreement.pendingCeiling = wantedCeiling;
            agreement.pendingCategories = wantedCategories;
            agreement.proposedBy = caller.subject();
            agreement.proposedAt = clock.instant();
        } else {
            clearPending(agreement);
        }
        agreements.flush();
        audit.record(widens ? "PROPOSE_WIDENING" : "UPDATE", OBJECT_TYPE, agreement.id, partner.classification,
                before + " -> " + terms(agreement.ceiling, agreement.categories) + ", " + agreement.status
                        + (widens ? "; pending " + terms(wantedCeiling, wantedCategories) : ""));
        return agreement;
    }

    /** Four-eyes: a supervisor who can see the partner and did not propose the widening applies it. */
    @Transactional
    public Agreement approveWidening(Caller caller, UUID partnerId, UUID agreementId) {
        Agreement agreement = pendingWidening(caller, partnerId, agreementId);
        String before = terms(agreement.ceiling, agreement.categories);
        agreement.ceiling = agreement.pendingCeiling;
        agreement.categories = agreement.pendingCategories;
        String proposer = agreement.proposedBy;
        clearPending(agreement);
        agreement.updatedAt = clock.instant();
        agreements.flush();
        audit.record("APPROVE_WIDENING", OBJECT_TYPE, agreement.id, partners.findById(partnerId).classification,
                before + " -> " + terms(agreement.ceiling, agreement.categories) + " (proposed by " + proposer + ")");
        return agreement;
    }

    @Transactional
    public Agreement rejectWidening(Caller caller, UUID partnerId, UUID agreementId) {
        Agreement agreement = pendingWidening(caller, partnerId, agreementId);
        String refused = terms(agreement.pendingCeiling, agreement.pendingCategories);
        clearPending(agreement);
        agreement.updatedAt = clock.instant();
        agreements.flush();
        audit.record("REJECT_WIDENING", OBJECT_TYPE, agreement.id, partners.findById(partnerId).classification,
                "kept " + terms(agreement.ceiling, agreement.categories) + ", refused " + refused);
        return agreement;
    }

    private Agreement pendingWidening(Caller caller, UUID partnerId, UUID agreementId) {
        FourEyes.requireStanding(caller, Role.SUPERVISOR, null, "agreement widening");
        Agreement agreement = get(caller, partnerId, agreementId);
        FourEyes.requireDifferent(caller, agreement.proposedBy, "agreement widening");
        if (agreement.pendingCeiling == null) {
            throw ProblemException.conflict("No pending widening", "This agreement has no widening to decide.");
        }
        return agreement;
    }

    private static void clearPending(Agreement agreement) {
        agreement.pendingCeiling = null;
        agreement.pendingCategories = null;
        agreement.proposedBy = null;
        agreement.proposedAt = null;
    }

    private static String[] categories(AgreementRequest request) {
        return request.categories().stream().map(Enum::name).distinct().sorted().toArray(String[]::new);
    }

    private static String terms(Classification ceiling, String[] categories) {
        return "ceiling " + ceiling + " categories " + Arrays.toString(categories);
    }

    private static void checkDates(AgreementRequest request) {
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.badRequest("Invalid validity", "validTo must not be before validFrom.",
                    "validTo");
        }
    }

    private void apply(Agreement agreement, AgreementRequest request) {
        agreement.reference = request.reference();
        agreement.ceiling = request.ceiling();
        agreement.categories = categories(request);
        agreement.validFrom = request.validFrom();
        agreement.validTo = request.validTo();
        agreement.status = request.status();
        agreement.updatedAt = clock.instant();
    }
}
