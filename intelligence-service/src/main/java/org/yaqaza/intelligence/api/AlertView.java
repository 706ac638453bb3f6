package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert. It carries no sequence number: one global sequence numbers every alert, hidden ones included, so its
 * gaps would count them (the stream's event ids are sealed per caller instead).
 */
public record AlertView(UUID id, String type, UUID entityId, String entityName, UUID reportId,
        UUID assessmentId, String message, Instant createdAt, boolean read) {
}
