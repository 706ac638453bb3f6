package org.yaqaza.intelligence.screening.api;

import java.util.List;

/**
 * Why a candidate scored what it did: the name score from aligned parts, then each adjustment. {@code how} is
 * EXACT, VARIANT (curated table), TRANSLITERATION (same skeleton across scripts or spellings), FUZZY (typo
 * distance) or UNMATCHED; {@code weight} is the part's weight in the name score (1 for every part: no corpus
 * statistic enters a screening, see docs/screening.md).
 */
public record Explanation(double nameScore, List<PartMatch> parts, List<String> unmatchedCandidateParts,
        Adjustment order, Adjustment birthYear, Adjustment nationality) {
}
