package org.yaqaza.gateway.model;

import java.util.Set;

/**
 * What a pending directory change will write: the fields of the create or update it stands for, a credential
 * already hashed ({@code credentialHash}) and client keys already checked ({@code jwks}). Stored as JSON.
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
        String jwks) {

    public static DirectoryChangePayload credential(String credentialHash, String jwks) {
        return new DirectoryChangePayload(null, null, null, null, null, null, null, credentialHash, jwks);
    }
}
