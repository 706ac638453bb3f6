package org.yaqaza.liaison.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Records an originator's consent; {@code productId} null means consent for any product. */
public record ConsentRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String originatorPartner,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id")
        String recipientPartner,
        UUID productId,
        @NotBlank @Size(max = 300) String reference,
        @NotNull LocalDate grantedOn) {
}
