package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * A sanitised product: summary (possibly at a lower marking than its sources), tear-line, category, and its sources:
 * reports, products it is derived from, or both (at least one source).
 */
public record ProductRequest(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 20_000) String summary,
        @Size(max = 5_000) String tearLine,
        @NotNull ThreatCategory category,
        @Size(max = 200) List<@NotNull UUID> sourceReportIds,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 50) List<@NotNull UUID> sourceProductIds) {

    /** The fields every existing client sends: a product built from reports only. */
    public ProductRequest(String title, String summary, String tearLine, ThreatCategory category,
            List<UUID> sourceReportIds, Classification classification, List<String> compartments,
            List<String> sharedWith) {
        this(title, summary, tearLine, category, sourceReportIds, classification, compartments, sharedWith, null);
    }
}
