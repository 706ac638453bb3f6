package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.MilestoneKind;

public record MilestoneRequest(@NotNull MilestoneKind kind, @NotNull @PastOrPresent LocalDate achievedOn,
        @Size(max = 2000) String note, @Size(max = 500) String legalObligation) {
}
