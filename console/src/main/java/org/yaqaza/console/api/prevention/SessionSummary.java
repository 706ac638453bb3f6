package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

@TemplateData
public record SessionSummary(UUID id, UUID editionId, UUID moduleId, String moduleCode, LocalDate heldOn,
        String topic, String facilitator) {
}
