package org.yaqaza.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yaqaza.common.security.Classification;

/**
 * A machine client as admins see it; never the secret hash. {@code jwks}: its public keys;
 * {@code tokenEndpointAuthMethods}: how it may authenticate at the token endpoint ({@code none}: a public client);
 * {@code redirectUris}, {@code postLogoutRedirectUris}: where sign-in and logout may send the browser back to.
 */
public record ClientView(
        UUID id,
        String clientId,
        String displayName,
        List<String> roles,
        Classification clearance,
        List<String> compartments,
        String agency,
        String partner,
        boolean enabled,
        List<String> tokenEndpointAuthMethods,
        Map<String, Object> jwks,
        boolean publicClient,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris,
        Instant secretChangedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {
}
