package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * An edition with its occupancy as the reader may know it: places taken (enrolled, active, completed) and the
 * number waiting, counted over the participants the reader may work on (docs/prevention.md, "Occupancy").
 */
@TemplateData
public record EditionSummary(UUID id, UUID programmeId, String name, LocalDate startsOn, LocalDate endsOn,
        int capacity, long placesTaken, long waiting, long version) {

    public boolean full() {
        return placesTaken >= capacity;
    }

    /** Share of the capacity taken, 0–100 (for the occupancy meter). */
    public long percentTaken() {
        return capacity <= 0 ? 0 : Math.min(100, Math.round(100.0 * placesTaken / capacity));
    }
}
