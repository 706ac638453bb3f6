package org.yaqaza.gateway.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person in the built-in directory, signing in with the password grant. */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends DirectoryEntry {

    public static final String KIND = "user";

    /** Lower-case, unique, never renamed: it is the subject of the user's tokens and audit events. */
    @Column(nullable = false, unique = true, updatable = false)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return username;
    }

    @Override
    public String credentialHash() {
        return passwordHash;
    }

    @Override
    public void credentialHash(String hash) {
        this.passwordHash = hash;
    }
}
