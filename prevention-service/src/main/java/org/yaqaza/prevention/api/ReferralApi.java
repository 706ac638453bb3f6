package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.ProgrammeKind;

/** Wire types of referrals into programmes and handovers back to another agency. */
public final class ReferralApi {

    private ReferralApi() {
    }

    public record ReferralRequest(@NotNull ProgrammeKind programmeKind, @Size(max = 100) String region,
            @NotBlank @Size(min = 10, max = 1000) String purpose, @Size(max = 4000) String summary,
            @NotNull @Valid ParticipantApi.Identity identity) {
    }

    /** What the referring agency sees of its referral: whether it was taken up, nothing about the person. */
    public record ReferralStatus(UUID id, DecisionStatus status, Instant createdAt, Instant decidedAt) {
    }

    /** What prevention staff see before deciding; the identity stays sealed until approval. */
    public record ReferralView(UUID id, String referringAgency, String referredBy, ProgrammeKind programmeKind,
            String region, String purpose, String summary, DecisionStatus status, String decidedBy,
            Instant decidedAt, String decisionReason, String participantCode, Instant createdAt) {
    }

    public record Decision(@NotNull DecisionStatus decision, @NotBlank @Size(max = 1000) String reason,
            Classification classification) {
    }

    public record HandoverRequest(@NotBlank @Size(max = 40) String participantCode,
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "must be an agency code")
            String recipientAgency,
            @NotBlank @Size(min = 10, max = 1000) String purpose, @NotBlank @Size(max = 500) String legalBasis,
            @NotBlank @Size(max = 8000) String summary, boolean includeIdentity) {
    }

    public record HandoverView(UUID id, String participantCode, String recipientAgency, String purpose,
            String legalBasis, boolean includeIdentity, DecisionStatus status, String requestedBy, String decidedBy,
            Instant decidedAt, String decisionReason, Instant createdAt) {
    }

    /** What the recipient agency receives once the handover is approved. */
    public record HandoverPackage(UUID id, String purpose, String legalBasis, String summary,
            String participantCode, ParticipantApi.Identity identity, String approvedBy, Instant approvedAt) {
    }
}
