package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * The product as liaison-service reads it (contracts.md, fixed): {@code originatorPartners} lists the partner
 * code of every PARTNER source report, so the third-party rule can be checked before any release.
 */
public record ProductView(UUID id, String title, String summary, String tearLine, ThreatCategory category,
        Classification classification, List<String> compartments, String ownerAgency, List<UUID> sourceReportIds,
        List<String> originatorPartners, Instant createdAt, long version) {
}
