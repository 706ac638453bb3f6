package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** A report as the intelligence API returns it (the fields the console shows). */
@TemplateData
public record ReportView(String id, String sourceType, String reliability, int credibility, Instant collectedAt,
        String collectedPlace, String language, String title, String body, String classification,
        List<String> compartments, String ownerAgency, List<String> sharedWith, String legalAuthorisation,
        String originatorPartner, String tlp, Instant createdAt, String createdBy) {
}
