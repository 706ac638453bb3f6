package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

public record ContactView(UUID id, UUID releaseId, int month, LocalDate dueOn, LocalDate doneOn,
        String outcome, String note) {
}
