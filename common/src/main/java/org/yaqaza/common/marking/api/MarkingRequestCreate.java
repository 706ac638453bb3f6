package org.yaqaza.common.marking.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;

/**
 * A request to change the marking of one record to {@code classification}/{@code compartments}/{@code sharedWith}
 * (the whole marking wanted, as on the record's own PUT), with the reason a supervisor will read.
 * {@code recordVersion}, when given, must be the record's current version (409 otherwise).
 */
public record MarkingRequestCreate(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z-]*",
                message = "must be an object type such as report") String objectType,
        @NotNull UUID objectId,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @NotBlank @Size(max = 2000) String reason,
        Long recordVersion) {
}
