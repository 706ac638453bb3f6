package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RevocationRequest(@NotNull LocalDate revokedOn, @NotBlank @Size(max = 1000) String reason) {
}
