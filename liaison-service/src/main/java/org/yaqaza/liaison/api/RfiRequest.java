package org.yaqaza.liaison.api;

import java.time.LocalDate;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;

/** A partner's request for information. */
public record RfiRequest(
        @NotBlank @Size(max = 500) String subject,
        @NotBlank @Size(max = 100_000) String question,
        @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
        @NotNull @FutureOrPresent LocalDate dueDate,
        Classification classification) {
}
