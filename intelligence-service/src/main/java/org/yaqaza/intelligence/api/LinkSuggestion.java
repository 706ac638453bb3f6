package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two entities named together in reports, as one reader sees it: the reports they may see that mention both
 * ({@code reportIds}, at most 100, newest first), their number, the collection dates they span and a strength
 * computed from these alone (docs/intelligence.md, "Suggested relationships").
 */
public record LinkSuggestion(UUID entityA, String entityAName, UUID entityB, String entityBName, int reportCount,
        List<UUID> reportIds, Instant firstCollectedAt, Instant lastCollectedAt, double strength) {
}
