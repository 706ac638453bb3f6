package org.yaqaza.console.api.prevention;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A programme as the prevention API returns it ({@code ProgrammeView}), the fields the pages show. */
@TemplateData
public record ProgrammeSummary(UUID id, String kind, String name, String institution, String region, int capacity,
        String classification, List<String> compartments, String ownerAgency, String description,
        Integer assessmentCadenceDays, List<String> sharedWith, List<Slot> schedule,
        List<Institution> partnerInstitutions, Eligibility eligibility, long version) {

    /** Who may apply ({@code ProgrammeView.Eligibility}): kept as it is when the form changes the rest. */
    @TemplateData
    public record Eligibility(boolean voluntaryApplicationRequired, Integer minimumAge, Integer maximumAge) {
    }

    /** A weekly slot of the schedule ({@code ScheduleSlot}). */
    @TemplateData
    public record Slot(String day, String starts, String ends, String place) {
    }

    /** A partner institution ({@code PartnerInstitution}). */
    @TemplateData
    public record Institution(String name, String role) {
    }
}
