package org.yaqaza.gateway.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new machine client. {@code jwks}: its public keys for private_key_jwt (RFC 7523), a JWK Set or one JWK. A
 * partner system (the {@code partner} role, naming its partner) must register keys unless it is given a secret
 * explicitly; another client without keys or a secret gets a generated secret, returned once. {@code publicClient}:
 * a browser app signing people in (no secret, no keys, PKCE mandatory); {@code redirectUris} and
 * {@code postLogoutRedirectUris}: where the authorization and end-session endpoints may send the browser (exact
 * match).
 */
public record ClientCreate(
        @NotNull @Pattern(regexp = Names.CLIENT_ID, message = "must be 3 to 64 letters, digits or . _ -")
        String clientId,
        @NotBlank @Size(max = 200) String displayName,
        @Secret String secret,
        @Size(max = 5) Map<String, Object> jwks,
        @NotNull @Size(max = 16) Set<@NotNull @KnownRole String> roles,
        @NotNull @KnownClearance String clearance,
        @Size(max = 100) Set<@NotNull @Code String> compartments,
        @NotNull @Code String agency,
        @Pattern(regexp = Names.PARTNER, message = "must be 1 to 64 letters, digits or . _ -") String partner,
        Boolean enabled,
        Boolean publicClient,
        @Size(max = 20) List<@NotNull @RedirectUri String> redirectUris,
        @Size(max = 20) List<@NotNull @RedirectUri String> postLogoutRedirectUris) {
}
