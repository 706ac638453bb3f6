package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Comparison")
public record AssessmentComparison(UUID assessmentId, UUID previousId, LocalDate previousOn, LocalDate currentOn,
        String previousJudgement, String currentJudgement, List<IndicatorChange> changes) {
}
