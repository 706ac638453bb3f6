package org.yaqaza.liaison.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.service.Product;

/**
 * The fields liaison reads of the intelligence-service's product (GET /api/intelligence/products/{id}); anything else
 * it sends is ignored. {@code ProductContractTest} checks each of them against the intelligence-service's OpenAPI
 * document, so a renamed or dropped field fails the build here rather than a release in production.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<String> sharedWith,
        List<UUID> sourceReportIds, List<String> originatorPartners, long version) {

    /** Whether it carries what a release needs; an incomplete answer is the other side's fault, not the caller's. */
    boolean complete() {
        return id != null && title != null && summary != null && category != null && classification != null;
    }

    Product toProduct() {
        return new Product(id, title, summary, tearLine, category, classification, compartments, ownerAgency,
                sourceReportIds, originatorPartners, version);
    }
}
