package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.ThreatCategory;

/** A sanitised product: summary (possibly at a lower marking than its sources), tear-line, category, sources. */
public record ProductRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 20_000) String summary,
        @Size(max = 5_000) String tearLine,
        @NotNull ThreatCategory category,
        @NotEmpty @Size(max = 200) List<@NotNull UUID> sourceReportIds,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith) {
}
