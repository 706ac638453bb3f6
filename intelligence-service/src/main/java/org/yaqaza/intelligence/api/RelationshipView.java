package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.RelationshipType;

/** A relationship; supporting reports the caller cannot see are left out of the list. */
public record RelationshipView(UUID id, UUID sourceId, UUID targetId, RelationshipType type, int confidence,
        LocalDate validFrom, LocalDate validTo, List<UUID> supportingReportIds, String note,
        Classification classification, List<String> compartments, String ownerAgency, Instant createdAt,
        String createdBy, long version) {
}
