package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

/** What the recipient agency receives once the handover is approved. */
public record HandoverPackage(UUID id, String purpose, String legalBasis, String summary,
        String participantCode, Identity identity, String approvedBy, Instant approvedAt) {
}
