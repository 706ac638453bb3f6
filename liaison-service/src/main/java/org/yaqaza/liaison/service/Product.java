package org.yaqaza.liaison.service;

import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Lineage;
import org.yaqaza.liaison.model.Category;

/**
 * An intelligence product as a release snapshots it: its content, marking, sources, lineage (every partner and TLP it
 * derives from, transitively) and version.
 */
public record Product(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<UUID> sourceReportIds,
        Lineage lineage, long version) {

    public Product {
        compartments = compartments == null ? List.of() : List.copyOf(compartments);
        sourceReportIds = sourceReportIds == null ? List.of() : List.copyOf(sourceReportIds);
        lineage = lineage == null ? Lineage.NONE : lineage;
    }

    /** The partners of the lineage, each once: what the release lists as {@code originatorPartners}. */
    public List<String> originatorPartners() {
        return List.copyOf(lineage.partners());
    }
}
