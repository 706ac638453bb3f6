package org.yaqaza.intelligence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.ThreatCategory;
import org.yaqaza.intelligence.model.ThreatLevel;

/** A threat assessment of a person or organisation, proposed by an analyst, citing the reports it rests on. */
public record AssessmentRequest(
        @NotNull UUID subjectId,
        @NotNull ThreatLevel threatLevel,
        @NotNull ThreatCategory category,
        @NotBlank @Size(max = 20_000) String rationale,
        @Size(max = 50) List<@NotBlank @Size(max = 500) String> indicators,
        @NotNull LocalDate nextReview,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 200) List<@NotNull UUID> reportIds) {

    /** The fields every existing client sends: an assessment citing no report. */
    public AssessmentRequest(UUID subjectId, ThreatLevel threatLevel, ThreatCategory category, String rationale,
            List<String> indicators, LocalDate nextReview, Classification classification, List<String> compartments,
            List<String> sharedWith) {
        this(subjectId, threatLevel, category, rationale, indicators, nextReview, classification, compartments,
                sharedWith, null);
    }
}
