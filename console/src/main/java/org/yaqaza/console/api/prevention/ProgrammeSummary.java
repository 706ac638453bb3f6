package org.yaqaza.console.api.prevention;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A programme as the prevention API returns it ({@code ProgrammeView}), the fields the pages show. */
@TemplateData
public record ProgrammeSummary(UUID id, String kind, String name, String institution, String region, int capacity,
        String classification, List<String> compartments, String ownerAgency, String description,
        Integer assessmentCadenceDays) {
}
