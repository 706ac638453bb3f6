package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.liaison.model.Precedence;

public record EscalationView(UUID id, UUID warningId, String partner, Precedence precedence, String title,
        Instant deadlineAt, Instant escalatedAt) {
}
