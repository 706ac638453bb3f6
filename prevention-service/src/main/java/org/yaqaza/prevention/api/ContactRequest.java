package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

public record ContactRequest(@NotNull @PastOrPresent LocalDate doneOn, @Size(max = 200) String outcome,
        @Size(max = 4000) String note, @Size(max = 500) String legalObligation) {
}
