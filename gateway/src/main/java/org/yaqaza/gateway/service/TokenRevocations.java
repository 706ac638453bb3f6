package org.yaqaza.gateway.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.repository.RefreshTokenRepository;
import org.yaqaza.gateway.repository.RevocationRepository;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Tokens of the built-in issuer that the directory no longer stands behind: those of a subject issued before its
 * {@code tokens_valid_after} (set when it was disabled, its credential set or its claims changed). The gateway owns
 * the directory, so it refuses them at once rather than letting them run to their expiry: at the edge, on its own
 * APIs and in the TAXII Basic cache, and it closes the subject's proxied streams (listeners).
 * <p>
 * Held in memory, a few entries: only changes of the last {@link TokenIssuer#MAX_LIFETIME} (plus clock skew)
 * matter, older tokens have expired anyway. Changes on this replica apply when they commit; each replica also
 * reads the directory every {@code directory.revocation-poll} to learn the other replicas' changes.
 */
@Singleton
public class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);
    /** The longest a token lives, plus the clock skew verifiers allow. */
    private static final Duration HORIZON = TokenIssuer.MAX_LIFETIME.plusSeconds(30);

    private final Map<String, Instant> validAfter = new ConcurrentHashMap<>();
    /** Access tokens of revoked sign-ins (a replayed code or refresh token, a logout), until they expire. */
    private final Map<String, Instant> revokedJtis = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Instant>> listeners = new CopyOnWriteArrayList<>();
    private final RevocationRepository repository;
    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;
    private final Vertx vertx;
    private final long pollMillis;
    private long timer = -1;

    public TokenRevocations(RevocationRepository repository, RefreshTokenRepository refreshTokens, Clock clock,
            Vertx vertx, GatewayConfig config) {
        this.repository = repository;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.vertx = vertx;
        this.pollMillis = Math.max(100, config.directory().revocationPoll().toMillis());
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(pollMillis, id -> vertx.executeBlocking(() -> {
            refresh();
            return null;
        }, false).onFailure(e -> LOG.warnf("could not read the directory's revocations: %s", e.toString())));
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** True when a token of {@code subject} issued at {@code issuedAtSeconds} was revoked. Lock-free, any thread. */
    public boolean revoked(String subject, long issuedAtSeconds) {
        Instant after = subject == null ? null : validAfter.get(subject);
        return after != null && issuedAtSeconds < after.getEpochSecond();
    }

    /** As {@link #revoked(String, long)}, or the token's own sign-in was revoked (its jti). */
    public boolean revoked(String subject, String jti, long issuedAtSeconds) {
        return revoked(subject, issuedAtSeconds) || jti != null && revokedJtis.containsKey(jti);
    }

    /** Called with (subject, valid after) whenever a subject's earlier tokens are revoked. */
    public void onRevocation(BiConsumer<String, Instant> listener) {
        listeners.add(listener);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        revoke(revoked.subject(), revoked.validAfter());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignInRevoked revoked) {
        revoked.accessTokens().forEach(access -> revokedJtis.put(access.jti(), access.expiresAt()));
    }

    private void revoke(String subject, Instant after) {
        Instant previous = validAfter.merge(subject, after, (a, b) -> a.isAfter(b) ? a : b);
        if (previous.equals(after)) {
            listeners.forEach(listener -> listener.accept(subject, after));
        }
    }

    @ActivateRequestContext
    @Transactional
    void refresh() {
        Instant horizon = clock.instant().minus(HORIZON);
        Map<String, Instant> recent = repository.validAfterSince(horizon);
        recent.forEach((subject, after) -> {
            Instant known = validAfter.get(subject);
            if (known == null || after.isAfter(known)) {
                revoke(subject, after);
            }
        });
        validAfter.values().removeIf(after -> after.isBefore(horizon));
        Instant now = clock.instant();
        refreshTokens.revokedAccessTokens(now).forEach(access -> revokedJtis.put(access.jti(), access.expiresAt()));
        revokedJtis.values().removeIf(expiry -> expiry.isBefore(now));
    }
}
