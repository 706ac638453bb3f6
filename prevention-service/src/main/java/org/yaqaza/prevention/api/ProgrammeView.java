package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.PartnerInstitution;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ScheduleSlot;

public record ProgrammeView(UUID id, ProgrammeKind kind, String name, String institution, String region,
        int capacity, Classification classification, List<String> compartments, String ownerAgency,
        List<String> sharedWith, String description, List<ScheduleSlot> schedule,
        List<PartnerInstitution> partnerInstitutions, Eligibility eligibility, Integer assessmentCadenceDays,
        Instant createdAt, String createdBy, Instant updatedAt, long version) {

    public record Eligibility(boolean voluntaryApplicationRequired, Integer minimumAge, Integer maximumAge) {
    }
}
