package org.yaqaza.liaison.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.EditRules;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.MarkingAuthority;
import org.yaqaza.liaison.api.PartnerRequest;
import org.yaqaza.liaison.model.Contact;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.repository.PartnerRepository;

/** Registering and maintaining partner services, under the visibility rule and audited. */
@ApplicationScoped
public class PartnerService {

    static final String OBJECT_TYPE = "partner";

    private final PartnerRepository partners;
    private final MarkingAuthority markings;
    private final AuditTrail audit;
    private final Clock clock;

    public PartnerService(PartnerRepository partners, MarkingAuthority markings, AuditTrail audit, Clock clock) {
        this.partners = partners;
        this.markings = markings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Partner create(Caller caller, PartnerRequest request) {
        if (partners.codeTaken(request.code())) {
            throw ProblemException.conflict("Partner code taken", "A partner with code " + request.code()
                    + " already exists.");
        }
        Partner partner = new Partner();
        partner.protect(caller, clock.instant(), request.classification(), request.compartments(),
                request.sharedWith());
        partner.code = request.code();
        checkClientIds(request, partner.id);
        apply(partner, request);
        partners.persist(partner);
        audit.record("CREATE", OBJECT_TYPE, partner.id, partner.classification, null);
        return partner;
    }

    @Transactional
    public Partner get(Caller caller, UUID id) {
        Partner partner = partners.getVisible(caller, id, "Partner");
        audit.read(OBJECT_TYPE, partner);
        return partner;
    }

    @Transactional
    public Page<Partner> list(Caller caller, PartnerStatus status, PageRequest page) {
        Page<Partner> result = status == null ? partners.pageVisible(caller, null, Map.of(), page)
                : partners.pageVisible(caller, "status = :status", Map.of("status", status), page);
        audit.readAll(OBJECT_TYPE, result.items());
        return result;
    }

    public long count(Caller caller, PartnerStatus status) {
        return status == null ? partners.countVisible(caller, null, Map.of())
                : partners.countVisible(caller, "status = :status", Map.of("status", status));
    }

    @Transactional
    public Partner update(Caller caller, UUID id, PartnerRequest request, Long expectedVersion) {
        Partner partner = partners.getVisible(caller, id, "Partner");
        EditRules.requireOwnerAgency(caller, partner, OBJECT_TYPE);
        Versions.require(expectedVersion, request.version(), partner.version, "partner");
        if (!partner.code.equals(request.code())) {
            throw ProblemException.unprocessable("Partner code is permanent",
                    "A partner's code identifies its machine clients and cannot change.");
        }
        markings.apply(caller, partner, Marking.of(request.classification(), request.compartments(),
                request.sharedWith()), OBJECT_TYPE);
        checkClientIds(request, partner.id);
        apply(partner, request);
        partners.flush();
        audit.record("UPDATE", OBJECT_TYPE, partner.id, partner.classification, null);
        return partner;
    }

    private void checkClientIds(PartnerRequest request, UUID partnerId) {
        if (request.clientIds() == null) {
            return;
        }
        for (String clientId : request.clientIds()) {
            if (partners.clientIdTakenElsewhere(clientId, partnerId)) {
                throw ProblemException.conflict("Client already acts for another partner",
                        "Machine client " + clientId + " is registered for another partner; a client acts for one.");
            }
        }
    }

    private void apply(Partner partner, PartnerRequest request) {
        partner.country = request.country();
        partner.serviceName = request.serviceName();
        partner.status = request.status();
        partner.contacts = request.contacts() == null ? new ArrayList<>() : request.contacts().stream()
                .map(c -> new Contact(c.name(), c.function(), c.email(), c.phone()))
                .collect(Collectors.toCollection(ArrayList::new));
        partner.clientIds = request.clientIds() == null ? new String[0]
                : new TreeSet<>(request.clientIds()).toArray(String[]::new);
        partner.updatedAt = clock.instant();
    }
}
