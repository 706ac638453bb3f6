package org.yaqaza.intelligence.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.intelligence.model.CaseStatus;

/** Moves a case on; referral to justice needs the prosecution reference. */
public record TransitionRequest(@NotNull CaseStatus to, @Size(max = 200) String prosecutionReference,
        @Size(max = 2000) String note, LocalDate effectiveDate) {
}
