package org.yaqaza.prevention.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A recurring slot of a programme's schedule (e.g. Tuesday 09:00–12:00 in the prison library). */
public record ScheduleSlot(
        @NotNull java.time.DayOfWeek day,
        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String starts,
        @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String ends,
        @Size(max = 200) String place) {
}
