package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.prevention.model.DecisionStatus;

/** What the referring agency sees of its referral: whether it was taken up, nothing about the person. */
public record ReferralStatus(UUID id, DecisionStatus status, Instant createdAt, Instant decidedAt) {
}
