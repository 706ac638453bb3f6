package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SessionRequest(@NotNull UUID moduleId, @NotNull LocalDate heldOn, @Size(max = 500) String topic,
        @Size(max = 300) String facilitator) {
}
