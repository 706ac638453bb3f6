package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.UUID;

/** An alert; {@code seq} is also the id of its server-sent event. */
public record AlertView(UUID id, long seq, String type, UUID entityId, String entityName, UUID reportId,
        UUID assessmentId, String message, Instant createdAt, boolean read) {
}
