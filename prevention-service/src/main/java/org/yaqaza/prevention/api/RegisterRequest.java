package org.yaqaza.prevention.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;

public record RegisterRequest(
        @NotNull @Valid Identity identity,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 5) List<@Valid @NotNull ConsentRequest> consents) {
}
