package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Tlp;

public record WarningView(UUID id, String partner, Precedence precedence, Tlp tlp, String title, String body,
        Classification classification, List<String> compartments, String ownerAgency, Instant issuedAt,
        Instant deadlineAt, Instant acknowledgedAt, String acknowledgedBy, Long acknowledgementSeconds,
        Instant escalatedAt, String createdBy, long version) {
}
