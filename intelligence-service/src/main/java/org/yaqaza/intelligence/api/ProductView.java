package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * The product as liaison-service reads it: a contract, published as the {@code ProductView} schema of /q/openapi
 * (name and fields fixed; liaison's consumer test reads that document; see docs/architecture.md).
 * {@code originatorPartners} lists the partner code of every PARTNER source report, so the third-party rule can be
 * checked before any release; {@code lineage} lists every (partner, TLP) the product derives from, through its source
 * reports and source products (issue 15), and {@code sharedWith} completes the marking.
 */
@Schema(name = "ProductView", description = "An intelligence product as partners' liaison reads it (contract with"
        + " liaison-service: the schema name and these fields are stable; fields are added, never renamed or"
        + " removed).", requiredProperties = { "id", "title", "summary", "category", "classification",
                "compartments", "ownerAgency", "sharedWith", "sourceReportIds", "originatorPartners", "createdAt",
                "version", "sourceProductIds", "lineage" })
public record ProductView(
        @Schema(description = "Product id.") UUID id,
        @Schema(description = "Title, any script (Arabic first-class).") String title,
        @Schema(description = "Sanitised summary, at the product's classification.") String summary,
        @Schema(description = "Tear-line text meant for release; null when the product has none.",
                nullable = true) String tearLine,
        @Schema(description = "Threat category.") ThreatCategory category,
        @Schema(description = "The product's own marking (possibly lower than its sources').")
        Classification classification,
        @Schema(description = "Compartment codes (need-to-know groups); empty when none.") List<String> compartments,
        @Schema(description = "Agency that owns the product.") String ownerAgency,
        @Schema(description = "Agencies the product is shared with besides its owner; empty when none.")
        List<String> sharedWith,
        @Schema(description = "The reports the product is built on.") List<UUID> sourceReportIds,
        @Schema(description = "Partner code of every PARTNER source report (third-party rule: none of them may"
                + " receive the product without its originator's consent); empty when no source came from a"
                + " partner.") List<String> originatorPartners,
        @Schema(description = "When the product was created (UTC).") Instant createdAt,
        @Schema(description = "Optimistic-locking version; the ETag of the product.") long version,
        @Schema(description = "The products this one is built on.") List<UUID> sourceProductIds,
        @Schema(description = "Every (partner, TLP) the product derives from, through its source reports and source"
                + " products: the third-party and TLP rules of a release are checked against it; empty when no"
                + " partner material is in it.") List<LineageEntry> lineage) {
}
