package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.RelationshipType;

/**
 * Turns a suggestion into a relationship {@code sourceId} → {@code targetId} (the suggestion's two entities, in
 * the direction the analyst chooses); its visible reports become the supporting reports.
 */
public record SuggestionAcceptRequest(
        @NotNull UUID sourceId,
        @NotNull UUID targetId,
        @NotNull RelationshipType type,
        @NotNull @Min(value = 0, message = "must be a confidence 0 to 100")
        @Max(value = 100, message = "must be a confidence 0 to 100") Integer confidence,
        @Size(max = 2000) String note,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith) {
}
