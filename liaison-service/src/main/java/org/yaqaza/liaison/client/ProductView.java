package org.yaqaza.liaison.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;

/** The intelligence-service's product contract (GET /api/intelligence/products/{id}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<UUID> sourceReportIds,
        List<String> originatorPartners, Instant createdAt, long version) {
}
