package org.yaqaza.prevention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.AssessmentOccasion;
import org.yaqaza.prevention.model.InstrumentDefinition;

/** Wire types of instruments and assessments (structured professional judgement). */
public final class AssessmentApi {

    private AssessmentApi() {
    }

    public record InstrumentRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String code,
            @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 300) String licence,
            @NotNull @Valid InstrumentDefinition definition) {
    }

    public record InstrumentView(UUID id, String code, int version, String title, String licence,
            InstrumentDefinition definition, Instant createdAt) {
    }

    public record RatingRequest(@NotBlank String indicator, @NotBlank String level,
            @Size(max = 4000) String evidence) {
    }

    public record AssessmentRequest(@NotNull UUID instrumentId, @NotNull @PastOrPresent LocalDate assessedOn,
            @NotNull AssessmentOccasion occasion,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull RatingRequest> ratings,
            @NotBlank @Size(max = 200) String overallJudgement, @NotBlank @Size(max = 8000) String rationale) {
    }

    public record AssessmentView(UUID id, UUID enrolmentId, UUID instrumentId, String instrument,
            int instrumentVersion, LocalDate assessedOn, AssessmentOccasion occasion, String assessor,
            List<RatingRequest> ratings, String overallJudgement, String rationale, LocalDate nextDueOn) {
    }

    /** How one indicator moved since the previous assessment, by the order of its scale's levels. */
    public record Change(String indicator, String previous, String current, String movement) {
    }

    public record Comparison(UUID assessmentId, UUID previousId, LocalDate previousOn, LocalDate currentOn,
            String previousJudgement, String currentJudgement, List<Change> changes) {
    }

    public record Due(UUID enrolmentId, String participantCode, UUID lastAssessmentId, LocalDate dueOn) {
    }
}
