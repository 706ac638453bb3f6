package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** An application or enrolment in an edition: pseudonymous code only, never an identity. */
@TemplateData
public record EnrolmentSummary(UUID id, UUID editionId, String participantCode, String state,
        List<String> allowedNext, boolean voluntary, UUID referralId, LocalDate appliedOn, LocalDate enrolledOn,
        LocalDate endedOn, Integer waitingPosition, long version) {

    /** Whether attendance may be recorded for it (the API's rule: enrolled, active or completed). */
    public boolean attending() {
        return "ENROLLED".equals(state) || "ACTIVE".equals(state) || "COMPLETED".equals(state);
    }
}
