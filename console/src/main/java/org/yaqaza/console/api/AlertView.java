package org.yaqaza.console.api;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** An alert of the user's watch list, as the intelligence API returns it. */
@TemplateData
public record AlertView(String id, String type, String entityId, String entityName, String reportId,
        String message, Instant createdAt, boolean read) {
}
