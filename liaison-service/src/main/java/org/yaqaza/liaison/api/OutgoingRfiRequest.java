package org.yaqaza.liaison.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Tlp;

/**
 * A request for information to one partner: in a category of the agreement, marked within its ceiling (the release
 * checks decide both), with the TLP the partner is to handle the question under.
 */
public record OutgoingRfiRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String partner,
        @NotBlank @Size(max = 500) String subject,
        @NotBlank @Size(max = 100_000) String question,
        @NotNull Category category,
        @NotNull Tlp tlp,
        @NotNull @FutureOrPresent LocalDate dueDate,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments) {
}
