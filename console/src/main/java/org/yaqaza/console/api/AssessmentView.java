package org.yaqaza.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A threat assessment as {@code GET /api/intelligence/assessments/pending} returns it (what the inbox shows). */
public record AssessmentView(String id, String subjectId, String threatLevel, String category, String rationale,
        List<String> indicators, LocalDate nextReview, String status, String createdBy, Instant createdAt,
        String classification, List<String> compartments, String ownerAgency) {
}
