package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ReleaseView(UUID id, LocalDate releasedOn, String institution, UUID enrolmentId,
        LocalDate followUpEndedOn, List<ContactView> contacts) {
}
