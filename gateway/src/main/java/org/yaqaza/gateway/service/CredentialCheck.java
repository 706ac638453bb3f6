package org.yaqaza.gateway.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.model.DirectoryEntry;
import org.yaqaza.gateway.repository.AuthFailureRepository;

/**
 * Checks a password or client secret with lock-out: {@code lockout-attempts} failures within
 * {@code lockout-window} lock the credential for one window, during which even the right secret is refused.
 */
@ApplicationScoped
public class CredentialCheck {

    public enum Outcome {
        ACCEPTED, WRONG_SECRET, LOCKED, DISABLED
    }

    /** The outcome, and whether this very attempt locked the credential. */
    public record Result(Outcome outcome, boolean lockedNow) {
        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private final PasswordHasher hasher;
    private final AuthFailureRepository failures;
    private final int attempts;
    private final Duration window;

    public CredentialCheck(PasswordHasher hasher, AuthFailureRepository failures, GatewayConfig config) {
        this.hasher = hasher;
        this.failures = failures;
        this.attempts = config.directory().lockoutAttempts();
        this.window = config.directory().lockoutWindow();
    }

    /** {@code entry} must have been read with a row lock in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result check(DirectoryEntry entry, String secret, Instant now) {
        if (entry.lockedAt(now)) {
            hasher.burn(secret);
            return new Result(Outcome.LOCKED, false);
        }
        if (!hasher.matches(secret, entry.credentialHash())) {
            long recent = failures.recordAndCount(entry, now, now.minus(window));
            if (recent >= attempts) {
                entry.lockedUntil = now.plus(window);
                failures.clear(entry);
                return new Result(Outcome.WRONG_SECRET, true);
            }
            return new Result(Outcome.WRONG_SECRET, false);
        }
        // after the secret, so that guesses at a disabled account still count towards its lock
        if (!entry.enabled) {
            return new Result(Outcome.DISABLED, false);
        }
        failures.clear(entry);
        if (entry.lockedUntil != null) {
            entry.lockedUntil = null;
        }
        if (hasher.needsRehash(entry.credentialHash())) {
            entry.credentialHash(hasher.hash(secret));
        }
        return new Result(Outcome.ACCEPTED, false);
    }

    /** An attempt for a name that does not exist: same cost, same answer. */
    public Result unknown(String secret) {
        hasher.burn(secret);
        return new Result(Outcome.WRONG_SECRET, false);
    }
}
