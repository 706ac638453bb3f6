package org.yaqaza.intelligence.screening.api;

import java.util.List;
import java.util.UUID;

/** Candidates best first; a candidate is a hit when {@code score >= threshold}. */
public record ScreeningResult(double threshold, List<Candidate> candidates) {

    public record Candidate(UUID entityId, String entityType, String matchedName, double score, boolean hit,
            Explanation explanation) {
    }

    /**
     * Why a candidate scored what it did: the name score from aligned parts, then each adjustment. {@code how} is
     * EXACT, VARIANT (curated table), TRANSLITERATION (same skeleton across scripts or spellings), FUZZY (typo
     * distance) or UNMATCHED; {@code weight} is the part's rarity (inverse document frequency).
     */
    public record Explanation(double nameScore, List<PartMatch> parts, List<String> unmatchedCandidateParts,
            Adjustment order, Adjustment birthYear, Adjustment nationality) {
    }

    public record PartMatch(String query, String candidate, String how, double similarity, double weight) {
    }

    public record Adjustment(String query, String candidate, double adjustment, String reason) {
    }
}
