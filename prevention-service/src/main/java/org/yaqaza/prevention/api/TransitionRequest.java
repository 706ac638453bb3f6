package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.EnrolmentState;

public record TransitionRequest(@NotNull EnrolmentState to, @Size(max = 1000) String reason, LocalDate on) {
}
