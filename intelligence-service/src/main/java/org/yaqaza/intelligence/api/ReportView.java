package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.intelligence.model.SourceType;

/** A report as the API returns it. */
public record ReportView(
        UUID id,
        SourceType sourceType,
        String reliability,
        int credibility,
        Instant collectedAt,
        String collectedPlace,
        String language,
        String title,
        String body,
        Classification classification,
        List<String> compartments,
        String ownerAgency,
        List<String> sharedWith,
        String legalAuthorisation,
        String originatorPartner,
        Tlp tlp,
        String submissionId,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {
}
