package org.yaqaza.liaison.client;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.service.Product;

/**
 * The fields liaison reads of the intelligence-service's product (GET /api/intelligence/products/{id}); anything else
 * it sends is ignored. {@code ProductContractTest} checks each of them against the intelligence-service's OpenAPI
 * document, so a renamed or dropped field fails the build here rather than a release in production. {@code lineage}
 * (issue 15) is what the release checks read: every (partner, TLP) the product derives from.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductView(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<String> sharedWith,
        List<UUID> sourceReportIds, List<String> originatorPartners, long version, List<LineageEntry> lineage) {

    /** Whether it carries what a release needs; an incomplete answer is the other side's fault, not the caller's. */
    boolean complete() {
        return id != null && title != null && summary != null && category != null && classification != null;
    }

    Product toProduct() {
        return new Product(id, title, summary, tearLine, category, classification, compartments, ownerAgency,
                sourceReportIds, fullLineage(), version);
    }

    /**
     * The product's lineage as the provider computed it (transitive over source reports and products). A partner
     * named only in {@code originatorPartners} (a provider that predates lineage) counts as AMBER: the conservative
     * reading, never a weaker one.
     */
    Lineage fullLineage() {
        Lineage served = Lineage.of(lineage == null ? List.of() : lineage);
        Lineage named = Lineage.NONE;
        for (String partner : originatorPartners == null ? List.<String>of() : originatorPartners) {
            if (!served.partners().contains(partner)) {
                named = named.union(Lineage.of(partner, org.yaqaza.common.security.Tlp.AMBER));
            }
        }
        return served.union(named);
    }
}
