package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.LineageEntry;
import org.yaqaza.intelligence.model.CaseStatus;
import org.yaqaza.intelligence.model.InterventionStatus;
import org.yaqaza.intelligence.model.ThreatCategory;

/** A case with its allowed next states, its history, its interventions and the lineage of its reports. */
public record CaseView(UUID id, String title, String summary, ThreatCategory category, CaseStatus status,
        List<CaseStatus> allowedNext, String prosecutionReference, List<UUID> entityIds, List<UUID> reportIds,
        List<Transition> history, List<InterventionView> interventions, Classification classification,
        List<String> compartments, String ownerAgency, Instant createdAt, String createdBy, long version,
        List<LineageEntry> lineage) {

    public record Transition(CaseStatus from, CaseStatus to, LocalDate on, Instant at, String actor, String note) {
    }

    public record InterventionView(UUID id, LocalDate date, String place, UUID locationId, int arrests,
            List<String> seizures, UUID dismantlesOrganisationId, InterventionStatus status, String requestedBy,
            String decidedBy, Instant decidedAt, UUID eventId, UUID foilsEventId) {
    }
}
