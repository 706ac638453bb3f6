package org.yaqaza.intelligence.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record WatchRequest(@NotNull UUID entityId) {
}
