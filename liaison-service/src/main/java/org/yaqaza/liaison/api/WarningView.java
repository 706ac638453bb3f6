package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Tlp;
import org.yaqaza.liaison.model.WarningStatus;

public record WarningView(UUID id, String partner, Precedence precedence, Tlp tlp, Category category, UUID productId,
        List<LineageEntry> lineage, WarningStatus status, String title, String body,
        Classification classification, List<String> compartments, String ownerAgency, String approvedBy,
        Instant approvedAt, String rejectionReason, Instant issuedAt,
        Instant deadlineAt, Instant acknowledgedAt, String acknowledgedBy, Long acknowledgementSeconds,
        Instant escalatedAt, String createdBy, long version) {
}
