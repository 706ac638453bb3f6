package org.yaqaza.intelligence.screening.api;

import java.util.UUID;

/** A person or organisation the caller may see whose name resembles the screened one, with why it scored. */
public record Candidate(UUID entityId, String entityType, String matchedName, double score, boolean hit,
        Explanation explanation) {
}
