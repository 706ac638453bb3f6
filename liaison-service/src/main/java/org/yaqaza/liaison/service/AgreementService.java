package org.yaqaza.liaison.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
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
        Versions.require(expectedVersion, request.version(), agreement.version, "agreement");
        checkDates(request);
        apply(agreement, request);
        agreements.flush();
        Partner partner = partners.findById(partnerId);
        audit.record("UPDATE", OBJECT_TYPE, agreement.id, partner.classification,
                "ceiling " + agreement.ceiling + ", " + agreement.status);
        return agreement;
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
        agreement.categories = request.categories().stream().map(Enum::name).distinct().sorted()
                .toArray(String[]::new);
        agreement.validFrom = request.validFrom();
        agreement.validTo = request.validTo();
        agreement.status = request.status();
        agreement.updatedAt = clock.instant();
    }
}
