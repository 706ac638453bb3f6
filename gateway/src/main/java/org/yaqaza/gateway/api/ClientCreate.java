package org.yaqaza.gateway.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new machine client. Without a secret, the gateway generates one and returns it once. A partner system has
 * the {@code partner} role and names its partner; no other client names one.
 */
public record ClientCreate(
        @NotNull @Pattern(regexp = Names.CLIENT_ID, message = "must be 3 to 64 letters, digits or . _ -")
        String clientId,
        @NotBlank @Size(max = 200) String displayName,
        @Secret String secret,
        @NotNull @Size(max = 16) Set<@NotNull @KnownRole String> roles,
        @NotNull @KnownClearance String clearance,
        @Size(max = 100) Set<@NotNull @Code String> compartments,
        @NotNull @Code String agency,
        @Pattern(regexp = Names.PARTNER, message = "must be 1 to 64 letters, digits or . _ -") String partner,
        Boolean enabled) {
}
