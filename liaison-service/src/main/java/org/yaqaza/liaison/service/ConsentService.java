package org.yaqaza.liaison.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.api.ConsentRequest;
import org.yaqaza.liaison.model.Consent;
import org.yaqaza.liaison.repository.ConsentRepository;
import org.yaqaza.liaison.repository.PartnerRepository;

/** Consent records of the third-party rule: who agreed that whom may receive their material. */
@ApplicationScoped
public class ConsentService {

    static final String OBJECT_TYPE = "consent";

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

    @Transactional
    public Consent record(Caller caller, ConsentRequest request) {
        if (request.originatorPartner().equals(request.recipientPartner())) {
            throw ProblemException.badRequest("Invalid consent", "Originator and recipient must differ.",
                    "recipientPartner");
        }
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
        consent.reference = request.reference();
        consent.grantedOn = request.grantedOn();
        consent.recordedAt = clock.instant();
        consent.recordedBy = caller.subject();
        consents.persist(consent);
        audit.record("CREATE", OBJECT_TYPE, consent.id, Classification.RESTRICTED,
                consent.originatorPartner + " -> " + consent.recipientPartner
                        + (consent.productId == null ? " (any product)" : " product " + consent.productId));
        return consent;
    }

    /** Consents between partners the caller can both see (the visibility rule applies to partnerships). */
    public List<Consent> list(Caller caller, String originator, String recipient) {
        StringBuilder q = new StringBuilder("select c from Consent c where exists (select 1 from Partner p where "
                + "p.code = c.originatorPartner and " + Visibility.predicate("p") + ") and exists (select 1 from "
                + "Partner q where q.code = c.recipientPartner and " + Visibility.predicate("q") + ")");
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

    /** Whether the originator consented to this recipient receiving this product (or any product). */
    public boolean consented(String originator, String recipient, UUID productId) {
        return consents.count("originatorPartner = ?1 and recipientPartner = ?2 "
                + "and (productId is null or productId = ?3)", originator, recipient, productId) > 0;
    }
}
