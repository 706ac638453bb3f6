package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CampaignView(UUID id, UUID programmeId, String name, LocalDate startsOn, LocalDate endsOn,
        List<String> regions, List<String> channels) {
}
