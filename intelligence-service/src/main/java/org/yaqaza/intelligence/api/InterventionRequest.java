package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Arrests and seizures planned or carried out within a case; effective once a supervisor approves. Approval is the
 * only way an organisation becomes DISMANTLED ({@code dismantlesOrganisationId}) or a planned plot FOILED
 * ({@code foilsEventId}): the figures the statistics count.
 */
public record InterventionRequest(
        @NotNull LocalDate date,
        @NotBlank @Size(max = 300) String place,
        UUID locationId,
        @NotNull @Min(0) @Max(10_000) Integer arrests,
        @Size(max = 100) List<@NotBlank @Size(max = 300) String> seizures,
        UUID dismantlesOrganisationId,
        UUID foilsEventId) {

    /** The fields every existing client sends: an intervention that foils no plot. */
    public InterventionRequest(LocalDate date, String place, UUID locationId, Integer arrests, List<String> seizures,
            UUID dismantlesOrganisationId) {
        this(date, place, locationId, arrests, seizures, dismantlesOrganisationId, null);
    }
}
