package org.yaqaza.console.web;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A claim of the signed-in user's access token — the token the services read (clearance, agency, subject), which
 * is not the ID token quarkus-oidc builds the identity from. Only shown or compared by the console; the services
 * verify the token on every call.
 */
public final class AccessTokenClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokenClaims() {
    }

    /** The text of claim {@code name}; null when there is no access token, it cannot be read or has no such claim. */
    public static String claim(SecurityIdentity identity, String name) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            return null;
        }
        try {
            String[] parts = token.getToken().split("\\.");
            String value = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path(name).asText(null);
            return value == null || value.isBlank() ? null : value;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
