package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * The product as liaison-service reads it (its consumer contract test checks the fields it reads against this
 * service's OpenAPI document, see docs/architecture.md): {@code lineage} lists every (partner, TLP) the product
 * derives from, through its source reports and source products, so the third-party and TLP rules can be checked
 * before any release; {@code originatorPartners} (the partners of the lineage) stays for older clients;
 * {@code sharedWith} completes the marking, so a reader without a user token (liaison's demo seeder) can apply the
 * visibility rule itself.
 */
public record ProductView(UUID id, String title, String summary, String tearLine, ThreatCategory category,
        Classification classification, List<String> compartments, String ownerAgency, List<String> sharedWith,
        List<UUID> sourceReportIds, List<String> originatorPartners, Instant createdAt, long version,
        List<UUID> sourceProductIds, List<LineageEntry> lineage) {
}
