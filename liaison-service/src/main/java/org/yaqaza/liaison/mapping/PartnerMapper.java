package org.yaqaza.liaison.mapping;

import java.util.List;

import org.yaqaza.liaison.api.PartnerView;
import org.yaqaza.liaison.model.Partner;

public final class PartnerMapper {

    private PartnerMapper() {
    }

    public static PartnerView toView(Partner p) {
        return new PartnerView(p.id, p.code, p.country, p.serviceName, p.status, p.classification,
                List.of(p.compartments), p.ownerAgency, List.of(p.sharedWith), List.copyOf(p.contacts),
                List.of(p.clientIds), p.createdAt, p.createdBy, p.updatedAt, p.version);
    }
}
