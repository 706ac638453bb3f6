package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Wire types of curriculum modules and editions (cohorts). */
public final class EditionApi {

    private EditionApi() {
    }

    public record ModuleRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "must be a code (A-Z, 0-9, -)")
            String code,
            @NotBlank @Size(max = 300) String title,
            @NotNull @Min(1) @Max(500) Integer requiredSessions,
            @Min(0) @Max(1000) Integer position) {
    }

    public record ModuleView(UUID id, UUID programmeId, int position, String code, String title,
            int requiredSessions) {
    }

    public record EditionRequest(@NotBlank @Size(max = 300) String name, @NotNull LocalDate startsOn,
            LocalDate endsOn, @Min(1) @Max(100_000) Integer capacity) {
    }

    /** An edition with its occupancy: places taken (enrolled, active or completed) and the waiting list. */
    public record EditionView(UUID id, UUID programmeId, String name, LocalDate startsOn, LocalDate endsOn,
            int capacity, long placesTaken, long waiting, long version) {
    }
}
