package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ReachRequest(UUID contentItemId, @NotBlank @Size(max = 100) String channel,
        @NotBlank @Size(max = 100) String region, @NotNull LocalDate reportedOn, @NotNull @Min(0) Long reach,
        @Min(0) Long engagements) {
}
