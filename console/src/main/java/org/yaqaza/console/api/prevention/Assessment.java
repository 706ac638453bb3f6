package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * A structured professional judgement: every indicator rated (with evidence unless the level is
 * INSUFFICIENT_INFORMATION), and the assessor's own overall judgement and rationale; nothing is scored by the system.
 */
@TemplateData
public record Assessment(UUID id, UUID enrolmentId, UUID instrumentId, String instrument, int instrumentVersion,
        LocalDate assessedOn, String occasion, String assessor, List<Rating> ratings, String overallJudgement,
        String rationale, LocalDate nextDueOn) {

    @TemplateData
    public record Rating(String indicator, String level, String evidence) {
    }

    /** How each indicator moved since the previous assessment (UP, DOWN, SAME, NOT_COMPARABLE, NEW_INDICATOR). */
    @TemplateData
    public record Comparison(UUID assessmentId, UUID previousId, LocalDate previousOn, LocalDate currentOn,
            String previousJudgement, String currentJudgement, List<Change> changes) {
    }

    @TemplateData
    public record Change(String indicator, String previous, String current, String movement) {
    }

    /** A running enrolment whose latest assessment is due (GET /assessments/due). */
    @TemplateData
    public record Due(UUID enrolmentId, String participantCode, UUID lastAssessmentId, LocalDate dueOn) {
    }
}
