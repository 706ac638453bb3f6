package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** An application to an edition; {@code voluntary} records that the person asked to take part. */
public record ApplicationRequest(@NotBlank @Size(max = 40) String participantCode, @NotNull Boolean voluntary,
        @NotNull @PastOrPresent LocalDate appliedOn, UUID referralId) {
}
