package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Wire types of outreach campaigns: content, channels, regions and reach figures (aggregates only). */
public final class CampaignApi {

    private CampaignApi() {
    }

    public record CampaignRequest(@NotBlank @Size(max = 300) String name, @NotNull LocalDate startsOn,
            LocalDate endsOn, @Size(max = 50) List<@NotBlank @Size(max = 100) String> regions,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> channels) {
    }

    public record CampaignView(UUID id, UUID programmeId, String name, LocalDate startsOn, LocalDate endsOn,
            List<String> regions, List<String> channels) {
    }

    public record ContentRequest(@NotBlank @Size(max = 300) String title,
            @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag")
            String language, @NotBlank @Size(max = 100) String medium) {
    }

    public record ContentView(UUID id, String title, String language, String medium) {
    }

    public record ReachRequest(UUID contentItemId, @NotBlank @Size(max = 100) String channel,
            @NotBlank @Size(max = 100) String region, @NotNull LocalDate reportedOn, @NotNull @Min(0) Long reach,
            @Min(0) Long engagements) {
    }

    public record Total(String region, String month, long reach, long engagements) {
    }
}
