package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Due")
public record AssessmentDue(UUID enrolmentId, String participantCode, UUID lastAssessmentId, LocalDate dueOn) {
}
