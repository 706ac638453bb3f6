package org.yaqaza.gateway.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A machine client (an internal system, another service or a partner's system) using client_credentials. */
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
