package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.ProgrammeKind;

/** What prevention staff see before deciding; the identity stays sealed until approval. */
public record ReferralView(UUID id, String referringAgency, String referredBy, ProgrammeKind programmeKind,
        String region, String purpose, String summary, DecisionStatus status, String decidedBy,
        Instant decidedAt, String decisionReason, String participantCode, Instant createdAt) {
}
