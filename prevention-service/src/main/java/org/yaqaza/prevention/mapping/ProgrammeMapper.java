package org.yaqaza.prevention.mapping;

import java.util.List;

import org.yaqaza.prevention.api.ProgrammeView;
import org.yaqaza.prevention.model.Programme;

public final class ProgrammeMapper {

    private ProgrammeMapper() {
    }

    public static ProgrammeView toView(Programme p) {
        return new ProgrammeView(p.id, p.kind, p.name, p.institution, p.region, p.capacity, p.classification,
                List.of(p.compartments), p.ownerAgency, List.of(p.sharedWith), p.description,
                List.copyOf(p.schedule), List.copyOf(p.partnerInstitutions),
                new ProgrammeView.Eligibility(p.voluntaryApplicationRequired, p.minimumAge, p.maximumAge),
                p.assessmentCadenceDays, p.createdAt, p.createdBy, p.updatedAt, p.version);
    }
}
