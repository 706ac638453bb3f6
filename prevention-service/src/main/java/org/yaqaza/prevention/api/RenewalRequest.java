package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

public record RenewalRequest(@NotNull LocalDate renewedOn, @NotNull LocalDate newExpiry) {
}
