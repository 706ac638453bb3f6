package org.yaqaza.intelligence.screening.api;

/** A change of the name score for part order, birth year or nationality, and its reason. */
public record Adjustment(String query, String candidate, double adjustment, String reason) {
}
