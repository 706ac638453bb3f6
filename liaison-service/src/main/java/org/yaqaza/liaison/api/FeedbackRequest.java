package org.yaqaza.liaison.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.Outcome;

public record FeedbackRequest(@NotNull Outcome outcome, @Size(max = 4000) String comment) {
}
