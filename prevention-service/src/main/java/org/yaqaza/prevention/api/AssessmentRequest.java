package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.AssessmentOccasion;

public record AssessmentRequest(@NotNull UUID instrumentId, @NotNull @PastOrPresent LocalDate assessedOn,
        @NotNull AssessmentOccasion occasion,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull RatingRequest> ratings,
        @NotBlank @Size(max = 200) String overallJudgement, @NotBlank @Size(max = 8000) String rationale) {
}
