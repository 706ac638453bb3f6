package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.ReoffenceKind;

public record ReoffenceRequest(@NotNull @PastOrPresent LocalDate occurredOn, @NotNull ReoffenceKind kind,
        @Size(max = 500) String legalBasis) {
}
