package org.yaqaza.intelligence.screening.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One name to screen; only {@code name} is required. */
public record ScreeningRequest(
        @NotBlank @Size(max = 300) String name,
        @Min(1900) @Max(2100) Integer birthYear,
        @Pattern(regexp = "[A-Z]{2,3}", message = "must be an ISO 3166 country code") String nationality,
        @Min(1) @Max(100) Integer limit) {
}
