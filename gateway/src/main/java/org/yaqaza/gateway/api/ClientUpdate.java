package org.yaqaza.gateway.api;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Replaces what a client may do (PUT semantics: every field given; partner null for non-partner clients). The
 * redirect URI lists may be left out (null): they are then kept as they are.
 */
public record ClientUpdate(
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Size(max = 16) Set<@NotNull @KnownRole String> roles,
        @NotNull @KnownClearance String clearance,
        @NotNull @Size(max = 100) Set<@NotNull @Code String> compartments,
        @NotNull @Code String agency,
        @Pattern(regexp = Names.PARTNER, message = "must be 1 to 64 letters, digits or . _ -") String partner,
        @NotNull Boolean enabled,
        @Size(max = 20) List<@NotNull @RedirectUri String> redirectUris,
        @Size(max = 20) List<@NotNull @RedirectUri String> postLogoutRedirectUris) {
}
