package org.yaqaza.liaison.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The report the outbox creates in the intelligence-service (its ReportRequest, PARTNER source). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerReport(String sourceType, String reliability, Integer credibility, Instant collectedAt,
        String language, String title, String body, String classification, List<String> compartments,
        String originatorPartner) {
}
