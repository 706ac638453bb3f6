package org.yaqaza.console.api.prevention;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A referral from another agency into a programme, as prevention staff see it before deciding: purpose and
 * summary, never the identity (sealed until approval, then only the pseudonymous code).
 */
@TemplateData
public record Referral(UUID id, String referringAgency, String referredBy, String programmeKind, String region,
        String purpose, String summary, String status, String decidedBy, Instant decidedAt, String decisionReason,
        String participantCode, Instant createdAt) {

    /** A handover of a participant's file to another agency: purpose-bound, decided by a second supervisor. */
    @TemplateData
    public record Handover(UUID id, String participantCode, String recipientAgency, String purpose,
            String legalBasis, boolean includeIdentity, String status, String requestedBy, String decidedBy,
            Instant decidedAt, String decisionReason, Instant createdAt) {
    }
}
