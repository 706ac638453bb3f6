package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.ThreatCategory;

/** A new case (operation) around one threat. */
public record CaseRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 10_000) String summary,
        @NotNull ThreatCategory category,
        @Size(max = 200) List<@NotNull UUID> entityIds,
        @Size(max = 500) List<@NotNull UUID> reportIds,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith) {
}
