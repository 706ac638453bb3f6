package org.yaqaza.intelligence.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Dismisses the suggestion between two entities for the caller's agency. */
public record SuggestionDismissRequest(@NotNull UUID entityA, @NotNull UUID entityB) {
}
