package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.liaison.model.Outcome;

public record FeedbackView(UUID id, UUID releaseId, String partner, Outcome outcome, String comment,
        Instant receivedAt) {
}
