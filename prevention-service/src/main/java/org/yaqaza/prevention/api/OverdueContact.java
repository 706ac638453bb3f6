package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

public record OverdueContact(UUID contactId, String participantCode, int month, LocalDate dueOn,
        long daysOverdue) {
}
