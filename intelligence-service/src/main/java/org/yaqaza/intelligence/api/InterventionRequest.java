package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Arrests and seizures planned or carried out within a case; effective once a supervisor approves. */
public record InterventionRequest(
        @NotNull LocalDate date,
        @NotBlank @Size(max = 300) String place,
        UUID locationId,
        @NotNull @Min(0) @Max(10_000) Integer arrests,
        @Size(max = 100) List<@NotBlank @Size(max = 300) String> seizures,
        UUID dismantlesOrganisationId) {
}
