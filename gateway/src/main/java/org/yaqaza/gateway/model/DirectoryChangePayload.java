package org.yaqaza.gateway.model;

import java.util.List;
import java.util.Set;

/**
 * What a pending directory change will write: the fields of the create or update it stands for, a credential
 * already hashed ({@code credentialHash}) and client keys already checked ({@code jwks}). Stored as JSON. The
 * browser sign-in fields are null for users (and, in an update, when they are kept).
 */
public record DirectoryChangePayload(
        String displayName,
        Set<String> roles,
        String clearance,
        Set<String> compartments,
        String agency,
        String partner,
        Boolean enabled,
        String credentialHash,
        String jwks,
        Boolean publicClient,
        List<String> redirectUris,
        List<String> postLogoutRedirectUris) {

    public static DirectoryChangePayload credential(String credentialHash, String jwks) {
        return new DirectoryChangePayload(null, null, null, null, null, null, null, credentialHash, jwks, null, null,
                null);
    }
}
