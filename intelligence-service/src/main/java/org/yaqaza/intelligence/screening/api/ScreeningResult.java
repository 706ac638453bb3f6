package org.yaqaza.intelligence.screening.api;

import java.util.List;

/** Candidates best first; a candidate is a hit when {@code score >= threshold}. */
public record ScreeningResult(double threshold, List<Candidate> candidates) {
}
