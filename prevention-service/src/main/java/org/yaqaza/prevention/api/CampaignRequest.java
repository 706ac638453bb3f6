package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CampaignRequest(@NotBlank @Size(max = 300) String name, @NotNull LocalDate startsOn,
        LocalDate endsOn, @Size(max = 50) List<@NotBlank @Size(max = 100) String> regions,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> channels) {
}
