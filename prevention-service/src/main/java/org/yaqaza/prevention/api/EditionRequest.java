package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record EditionRequest(@NotBlank @Size(max = 300) String name, @NotNull LocalDate startsOn,
        LocalDate endsOn, @Min(1) @Max(100_000) Integer capacity) {
}
