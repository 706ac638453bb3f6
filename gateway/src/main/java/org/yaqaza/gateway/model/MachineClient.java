package org.yaqaza.gateway.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A client of the token service: a machine client (an internal system, another service or a partner's system)
 * using client_credentials, or an application that signs people in through the authorization endpoint.
 */
@Entity
@Table(name = "machine_client")
public class MachineClient extends DirectoryEntry {

    public static final String KIND = "client";

    @Column(name = "client_id", nullable = false, unique = true, updatable = false)
    public String clientId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Null for a client that authenticates with private_key_jwt only. */
    @Column(name = "secret_hash")
    public String secretHash;

    /** The client's public keys for private_key_jwt (RFC 7523), a JWK Set as JSON; null when it has none. */
    public String jwks;

    /** Where the authorization endpoint may send this client's codes: exact URIs, no wildcard. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "redirect_uris", nullable = false, columnDefinition = "text[]")
    public String[] redirectUris = new String[0];

    /** Where the end-session endpoint may send the browser after a logout: exact URIs. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "post_logout_redirect_uris", nullable = false, columnDefinition = "text[]")
    public String[] postLogoutRedirectUris = new String[0];

    /** A browser app: no secret and no keys (it could not keep them), so PKCE is its only proof. */
    @Column(name = "public_client", nullable = false)
    public boolean publicClient;

    /** The foreign partner this client speaks for; set exactly when it holds the partner role. */
    public String partner;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return clientId;
    }

    @Override
    public String credentialHash() {
        return secretHash;
    }

    @Override
    public void credentialHash(String hash) {
        this.secretHash = hash;
    }
}
