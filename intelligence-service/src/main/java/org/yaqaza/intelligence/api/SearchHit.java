package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.SourceType;

/**
 * One search result: the report's key fields, its rank and highlighted snippets (HTML-escaped text in which
 * only {@code <mark>...</mark>} is markup).
 */
public record SearchHit(UUID id, String title, String titleHighlight, String snippet, double rank,
        SourceType sourceType, String reliability, int credibility, String language, Instant collectedAt,
        Classification classification, String originatorPartner) {
}
