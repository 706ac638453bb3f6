package org.yaqaza.liaison.service;

import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;

/** An intelligence product as a release snapshots it: its content, marking, sources and version. */
public record Product(UUID id, String title, String summary, String tearLine, Category category,
        Classification classification, List<String> compartments, String ownerAgency, List<UUID> sourceReportIds,
        List<String> originatorPartners, long version) {

    public Product {
        compartments = compartments == null ? List.of() : List.copyOf(compartments);
        sourceReportIds = sourceReportIds == null ? List.of() : List.copyOf(sourceReportIds);
        originatorPartners = originatorPartners == null ? List.of() : List.copyOf(originatorPartners);
    }
}
