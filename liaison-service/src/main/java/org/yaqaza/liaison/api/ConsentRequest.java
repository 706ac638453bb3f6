package org.yaqaza.liaison.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.Category;

/**
 * Records an originator's consent. Scope: {@code productId}, or {@code category} with {@code validFrom}/
 * {@code validTo} (at most a year); a window may also bound a product consent. {@code reference} is the originator's
 * letter or message that grants it.
 */
public record ConsentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String originatorPartner,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String recipientPartner,
        UUID productId,
        Category category,
        LocalDate validFrom,
        LocalDate validTo,
        @NotBlank @Size(max = 300) String reference,
        @NotNull LocalDate grantedOn) {
}
