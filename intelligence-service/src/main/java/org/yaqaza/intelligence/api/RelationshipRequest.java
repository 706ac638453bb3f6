package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.RelationshipType;

/** A link source -> target (e.g. person MEMBER_OF cell), with confidence 0-100 and the reports supporting it. */
public record RelationshipRequest(
        @NotNull UUID sourceId,
        @NotNull UUID targetId,
        @NotNull RelationshipType type,
        @NotNull @Min(value = 0, message = "must be a confidence 0 to 100")
        @Max(value = 100, message = "must be a confidence 0 to 100") Integer confidence,
        LocalDate validFrom,
        LocalDate validTo,
        @Size(max = 100) List<@NotNull UUID> supportingReportIds,
        @Size(max = 2000) String note,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith) {
}
