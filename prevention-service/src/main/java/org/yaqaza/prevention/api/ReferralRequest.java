package org.yaqaza.prevention.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.ProgrammeKind;

public record ReferralRequest(@NotNull ProgrammeKind programmeKind, @Size(max = 100) String region,
        @NotBlank @Size(min = 10, max = 1000) String purpose, @Size(max = 4000) String summary,
        @NotNull @Valid Identity identity) {
}
