package org.yaqaza.prevention.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.PartnerInstitution;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ScheduleSlot;

/** A programme as created or updated by a prevention officer. */
public record ProgrammeRequest(
        @NotNull ProgrammeKind kind,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 300) String institution,
        @NotBlank @Size(max = 100) String region,
        @NotNull @Min(1) @Max(100_000) Integer capacity,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 4000) String description,
        @Size(max = 50) List<@Valid @NotNull ScheduleSlot> schedule,
        @Size(max = 50) List<@Valid @NotNull PartnerInstitution> partnerInstitutions,
        Boolean voluntaryApplicationRequired,
        @Min(0) @Max(120) Integer minimumAge,
        @Min(0) @Max(120) Integer maximumAge,
        @Min(1) @Max(3650) Integer assessmentCadenceDays,
        Long version) {
}
