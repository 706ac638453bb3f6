package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Entities a report names. */
public record MentionRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> entityIds) {
}
