package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Tlp;

/** A partner submission; {@code reportId} is set once the intelligence-service has it. */
public record SubmissionView(UUID id, String partner, String channel, String title, String body, String language,
        String reliability, int credibility, Instant collectedAt, Classification classification, Tlp tlp,
        Instant receivedAt, Instant deliveredAt, UUID reportId) {
}
