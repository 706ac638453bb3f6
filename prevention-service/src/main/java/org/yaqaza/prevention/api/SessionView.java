package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

public record SessionView(UUID id, UUID editionId, UUID moduleId, String moduleCode, LocalDate heldOn,
        String topic, String facilitator) {
}
