package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.screening.api.Explanation;

/**
 * A span of a report ({@code field} TITLE or BODY, characters {@code start} to {@code end}, exclusive, counted in
 * UTF-16 units of the stored text) that names an entity, as found by mention extraction; {@code status} PROPOSED,
 * CONFIRMED (now a mention) or REJECTED.
 */
public record MentionProposalView(UUID id, UUID reportId, UUID entityId, String entityName, EntityKind entityKind,
        String field, int start, int end, String text, String matchedName, double score, Explanation explanation,
        String status, Instant createdAt, Instant decidedAt, String decidedBy) {
}
