package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.prevention.model.AssessmentOccasion;

public record AssessmentView(UUID id, UUID enrolmentId, UUID instrumentId, String instrument,
        int instrumentVersion, LocalDate assessedOn, AssessmentOccasion occasion, String assessor,
        List<RatingRequest> ratings, String overallJudgement, String rationale, LocalDate nextDueOn) {
}
