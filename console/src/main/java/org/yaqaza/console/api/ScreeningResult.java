package org.yaqaza.console.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** The candidates for a screened name, each with why it scored (the intelligence API's explanation). */
@TemplateData
public record ScreeningResult(double threshold, List<Candidate> candidates) {

    @TemplateData
    public record Candidate(String entityId, String entityType, String matchedName, double score, boolean hit,
            Explanation explanation) {
    }

    @TemplateData
    public record Explanation(double nameScore, List<PartMatch> parts, List<String> unmatchedCandidateParts,
            Adjustment order, Adjustment birthYear, Adjustment nationality) {
    }

    @TemplateData
    public record PartMatch(String query, String candidate, String how, double similarity) {
    }

    @TemplateData
    public record Adjustment(double adjustment, String reason) {
    }
}
