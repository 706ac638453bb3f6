package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

/** An edition with its occupancy: places taken (enrolled, active or completed) and the waiting list. */
public record EditionView(UUID id, UUID programmeId, String name, LocalDate startsOn, LocalDate endsOn,
        int capacity, long placesTaken, long waiting, long version) {
}
