package org.yaqaza.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as {@code GET /api/intelligence/cases} lists it, with its interventions (what the inbox reads). */
public record CaseView(String id, String title, String status, List<InterventionView> interventions,
        String classification, List<String> compartments, String ownerAgency) {

    /** An intervention: planned date and place, arrests, its approval status and who asked. */
    public record InterventionView(String id, LocalDate date, String place, int arrests, List<String> seizures,
            String status, String requestedBy, String decidedBy, Instant decidedAt) {
    }
}
