package org.yaqaza.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.repository.SignInRepository;

/**
 * Throttles guessing without letting a stranger lock anyone out (issue 16). Two rules, both checked before the
 * secret is (a throttled attempt is not checked, costs no hash and counts for nothing):
 * <ol>
 * <li>per (account, source address): {@code free-failures} consecutive failures, then each further attempt waits
 * {@code first-delay} doubled per failure, at most {@code max-delay}; a success from the address, or a quiet
 * {@code forget-after}, starts it afresh;</li>
 * <li>per account: past {@code account-ceiling} failures within {@code account-window} (from any address),
 * addresses the account has never signed in from are refused until the window has moved on, while the addresses
 * it signed in from within {@code remember-addresses} keep only their own back-off.</li>
 * </ol>
 * Keys are the name as presented, so a name that does not exist is throttled like one that does. Addresses are
 * kept as SHA-256 of kind, name and address only.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Why an attempt may not be checked now, and for how long. */
    public record Throttled(String reason, long retryAfterSeconds) {
    }

    private final SignInRepository repository;
    private final GatewayConfig.SignIn config;

    public SignInThrottle(SignInRepository repository, GatewayConfig config) {
        this.repository = repository;
        this.config = config.signIn();
    }

    /** Null when the attempt may be checked; otherwise why not and until when. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Throttled check(String kind, String name, String address, Instant now) {
        byte[] source = sourceHash(kind, name, address);
        SignInRepository.SourceFailures fromSource = repository.fromSource(kind, name, source,
                now.minus(config.forgetAfter()));
        if (fromSource.count() >= config.freeFailures() && fromSource.latest() != null) {
            Instant next = fromSource.latest().plus(delay(fromSource.count()));
            if (next.isAfter(now)) {
                return new Throttled("source back-off", seconds(Duration.between(now, next)));
            }
        }
        Instant windowStart = now.minus(config.accountWindow());
        long ofAccount = repository.ofAccount(kind, name, windowStart);
        if (ofAccount >= config.accountCeiling()
                && !repository.isKnownSource(kind, name, source, now.minus(config.rememberAddresses()))) {
            // refused until enough of the window's failures have aged out to bring the account under its ceiling
            Instant oldestToLeave = repository.accountFailureAt(kind, name, windowStart,
                    ofAccount - config.accountCeiling());
            Instant free = oldestToLeave == null ? now.plusSeconds(1) : oldestToLeave.plus(config.accountWindow());
            return new Throttled("account ceiling, unknown source", seconds(Duration.between(now, free)));
        }
        return null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(String kind, String name, String address, Instant now) {
        repository.recordFailure(kind, name, sourceHash(kind, name, address), now,
                now.minus(config.forgetAfter().compareTo(config.accountWindow()) >= 0 ? config.forgetAfter()
                        : config.accountWindow()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String kind, String name, String address, Instant now) {
        repository.recordSuccess(kind, name, sourceHash(kind, name, address), now,
                now.minus(config.rememberAddresses()));
    }

    /** Failures within the account window: what an administrator sees before lifting the throttling. */
    public long recentFailures(String kind, String name, Instant now) {
        return repository.ofAccount(kind, name, now.minus(config.accountWindow()));
    }

    /** An administrator lifts the account's throttling (known sources stay known). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(String kind, String name) {
        repository.clearFailures(kind, name);
    }

    /** The wait after the {@code failures}-th consecutive failure (failures >= free). */
    Duration delay(long failures) {
        long doublings = Math.min(failures - config.freeFailures(), 40);
        Duration wait = config.firstDelay().multipliedBy(1L << doublings);
        return wait.compareTo(config.maxDelay()) > 0 || wait.isNegative() ? config.maxDelay() : wait;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static byte[] sourceHash(String kind, String name, String address) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((kind + "\n" + name + "\n"
                    + (address == null ? "unknown" : address)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
