package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.prevention.model.DecisionStatus;

public record HandoverView(UUID id, String participantCode, String recipientAgency, String purpose,
        String legalBasis, boolean includeIdentity, DecisionStatus status, String requestedBy, String decidedBy,
        Instant decidedAt, String decisionReason, Instant createdAt) {
}
