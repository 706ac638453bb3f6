package org.yaqaza.prevention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record HandoverRequest(@NotBlank @Size(max = 40) String participantCode,
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "must be an agency code")
        String recipientAgency,
        @NotBlank @Size(min = 10, max = 1000) String purpose, @NotBlank @Size(max = 500) String legalBasis,
        @NotBlank @Size(max = 8000) String summary, boolean includeIdentity) {
}
