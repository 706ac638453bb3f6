package org.yaqaza.liaison.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The report the outbox has the intelligence-service create for a partner submission (its ReportRequest, PARTNER
 * source); stored as the outbox payload and sent as it is. {@code tlp} (the TLP 2.0 label the partner sent it under)
 * and {@code submissionId} are provenance: the intelligence-service stores them write-once on the report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerReport(String sourceType, String reliability, Integer credibility, Instant collectedAt,
        String language, String title, String body, String classification, List<String> compartments,
        String originatorPartner, String tlp, String submissionId) {
}
