package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record WithdrawalRequest(@NotNull @PastOrPresent LocalDate withdrawnOn) {
}
