package org.yaqaza.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.gateway.model.DirectoryEntry;

/**
 * Checks a password or client secret against the directory entry. Nothing here locks: guessing is slowed by
 * {@link SignInThrottle} before a secret is ever checked, so a stranger's failures cannot refuse the right secret.
 */
@ApplicationScoped
public class CredentialCheck {

    public enum Outcome {
        ACCEPTED, WRONG_SECRET, DISABLED
    }

    private final PasswordHasher hasher;

    public CredentialCheck(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Upgrades an older, cheaper hash on success; the caller's transaction writes it. */
    public Outcome check(DirectoryEntry entry, String secret) {
        String hash = entry.credentialHash();
        if (hash == null) {
            // a client that authenticates with keys only has no secret to guess
            hasher.burn(secret);
            return Outcome.WRONG_SECRET;
        }
        if (!hasher.matches(secret, hash)) {
            return Outcome.WRONG_SECRET;
        }
        // after the secret, so that a disabled account answers like a wrong secret would to whoever lacks it
        if (!entry.enabled) {
            return Outcome.DISABLED;
        }
        if (hasher.needsRehash(hash)) {
            entry.credentialHash(hasher.hash(secret));
        }
        return Outcome.ACCEPTED;
    }

    /** An attempt for a name that does not exist: same cost, same answer. */
    public Outcome unknown(String secret) {
        hasher.burn(secret);
        return Outcome.WRONG_SECRET;
    }
}
