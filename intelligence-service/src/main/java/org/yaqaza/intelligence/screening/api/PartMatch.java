package org.yaqaza.intelligence.screening.api;

/** One part of the screened name aligned with a part of the candidate's name (see {@link Explanation}). */
public record PartMatch(String query, String candidate, String how, double similarity, double weight) {
}
