package org.yaqaza.console.api.prevention;

import java.util.UUID;

import io.quarkus.qute.TemplateData;

@TemplateData
public record ModuleSummary(UUID id, UUID programmeId, int position, String code, String title,
        int requiredSessions) {
}
