package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.intelligence.model.AssessmentStatus;
import org.yaqaza.intelligence.model.ThreatCategory;
import org.yaqaza.intelligence.model.ThreatLevel;

public record AssessmentView(UUID id, UUID subjectId, ThreatLevel threatLevel, ThreatCategory category,
        String rationale, List<String> indicators, LocalDate nextReview, AssessmentStatus status, String createdBy,
        Instant createdAt, String decidedBy, Instant decidedAt, String decisionNote, Classification classification,
        List<String> compartments, String ownerAgency, long version, List<UUID> reportIds,
        List<LineageEntry> lineage) {
}
