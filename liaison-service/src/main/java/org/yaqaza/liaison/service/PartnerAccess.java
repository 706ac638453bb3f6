package org.yaqaza.liaison.service;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.repository.PartnerRepository;

/**
 * Who a partner caller is. A token with the partner role and a {@code partner} claim is accepted only for a
 * registered partner whose client list names the token's subject (the gateway client id): a stolen or
 * mis-issued claim alone opens nothing.
 */
@ApplicationScoped
public class PartnerAccess {

    private final PartnerRepository partners;

    public PartnerAccess(PartnerRepository partners) {
        this.partners = partners;
    }

    public Partner require(Caller caller) {
        if (!caller.isPartner()) {
            throw ProblemException.forbidden("Only partner systems (partner role and claim) use this API.");
        }
        Partner partner = partners.findByCode(caller.partner()).orElse(null);
        if (partner == null || partner.status == PartnerStatus.ENDED
                || !Arrays.asList(partner.clientIds).contains(caller.subject())) {
            throw ProblemException.forbidden("This client is not registered to act for partner "
                    + caller.partner() + ".");
        }
        return partner;
    }
}
