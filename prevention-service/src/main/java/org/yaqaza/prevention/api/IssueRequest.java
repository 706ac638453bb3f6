package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.Certificate;

public record IssueRequest(@NotBlank @Size(max = 40) String participantCode, @NotNull UUID programmeId,
        @Pattern(regexp = Certificate.NUMBER_PATTERN, message = "must be 4-40 capitals, digits or dashes")
        String number,
        @NotNull LocalDate issuedOn, @NotNull LocalDate expiresOn) {
}
