package org.yaqaza.liaison.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.liaison.model.Category;

/**
 * The intelligence-service's product contract (GET /api/intelligence/products/{id}). {@code lineage}: every
 * (partner, TLP) the product derives from, through its source reports and products (issue 15).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<UUID> sourceReportIds,
        List<String> originatorPartners, Instant createdAt, long version, List<UUID> sourceProductIds,
        List<LineageEntry> lineage) {
}
