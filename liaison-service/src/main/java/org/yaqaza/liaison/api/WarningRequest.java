package org.yaqaza.liaison.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Tlp;

/** A duty-to-warn message to one partner, in a category of the agreement, optionally citing a product. */
public record WarningRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String partner,
        @NotNull Precedence precedence,
        @NotNull Tlp tlp,
        @NotNull Category category,
        UUID productId,
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 100_000) String body,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments) {
}
