package org.yaqaza.gateway.proxy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.yaqaza.gateway.service.TokenRevocations;
import org.yaqaza.gateway.service.TokenService;
import org.yaqaza.gateway.service.TokensRevoked;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * The suite's one TAXII HTTP Basic exchange (TAXII 2.1 section 1.6.8.1): a partner system's client id and secret
 * are checked by the in-process token service (sign-in throttle, audit) and a bearer token is forwarded in their place,
 * so no service ever sees a secret.
 * <p>
 * Granted exchanges are remembered in the {@value #CACHE} cache (quarkus-cache, Caffeine: bounded and expiring
 * after write, see application.properties) under the client id and an HMAC of id and secret with a random
 * per-process key, never the secret or a hash that could be guessed offline. A refusal is never remembered, so
 * every wrong secret reaches the token service and its sign-in throttle. A token is not reused in
 * its last 30 s. Any change to the client in the directory (disabled, secret set, updated) drops its entries as
 * soon as it is committed, and no replica reuses an entry whose token the directory revoked: the client's next
 * Basic request is checked again.
 */
@Singleton
public class BasicExchange {

    static final String CACHE = "taxii-basic";
    /** A token is not handed out again this close to its expiry: the request it serves must still find it valid. */
    private static final long EXPIRY_MARGIN_MILLIS = 30_000L;

    /** The cache key: two secrets presented for one client are two entries. */
    record Key(String clientId, String fingerprint) {
    }

    /** A granted exchange: the token to forward, what the edge knows of it, and until when it may be reused. */
    record Exchanged(String token, VerifiedToken verified, long reuseUntilMillis) {
    }

    /**
     * Thrown by the loader so that Caffeine does not keep the attempt (failures are never cached); a throttled
     * attempt carries its wait in seconds, a refused one 0.
     */
    static final class Refused extends RuntimeException {
        private final long retryAfterSeconds;

        Refused(long retryAfterSeconds) {
            super("refused", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** Seconds to wait when the attempt was throttled (not checked); 0 when it was checked and refused. */
        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final TokenService tokens;
    private final TokenRevocations revocations;
    private final CaffeineCache cache;
    private final SecretKeySpec fingerprintKey;

    public BasicExchange(TokenService tokens, TokenRevocations revocations, @CacheName(CACHE) Cache cache) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.cache = cache.as(CaffeineCache.class);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
    }

    Key key(TokenService.ClientCredentials credentials) {
        return new Key(credentials.clientId(), fingerprint(credentials));
    }

    /** A remembered exchange still fit for reuse, or null; does not block (called on the event loop). */
    Exchanged cached(Key key) {
        CompletableFuture<Exchanged> entry = cache.getIfPresent(key);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return null;
        }
        Exchanged exchanged = entry.join();
        // a client changed in the directory since (on any replica) is checked afresh: its token was revoked
        if (exchanged.reuseUntilMillis() > System.currentTimeMillis()
                && !revocations.revoked(exchanged.verified().subject(), exchanged.verified().jti(),
                        exchanged.verified().issuedAtSeconds())) {
            return exchanged;
        }
        // Caffeine invalidates synchronously: subscribing is enough, and awaiting is not allowed on the event loop
        cache.invalidate(key).subscribe().with(done -> {
        });
        return null;
    }

    /**
     * Checks the credentials with the token service (blocking: a worker thread) and remembers a grant. Concurrent
     * requests with the same credentials share one check. {@link Refused} when refused or throttled (the sign-in
     * throttle of the token endpoint, for the caller's {@code address}); a failure of the token service (its
     * database down) is thrown as it is.
     */
    Exchanged exchange(Key key, TokenService.ClientCredentials credentials, String address) {
        return cache.<Key, Exchanged> get(key, k -> grant(credentials, address)).await().indefinitely();
    }

    private Exchanged grant(TokenService.ClientCredentials credentials, String address) {
        TokenService.Grant grant = tokens.clientCredentials(credentials, address);
        if (grant instanceof TokenService.Throttled throttled) {
            throw new Refused(throttled.retryAfterSeconds());
        }
        if (!(grant instanceof TokenService.Granted granted)) {
            throw new Refused(0);
        }
        var issued = granted.issued();
        return new Exchanged(issued.token(), new VerifiedToken(credentials.clientId(), issued.jti(),
                issued.issuedAt().getEpochSecond(), issued.expiresAt().toEpochMilli(), true),
                issued.expiresAt().toEpochMilli() - EXPIRY_MARGIN_MILLIS);
    }

    /**
     * After a revocation of the client's tokens commits on this replica; an exchange still loading for the client
     * is dropped too (Caffeine removes the pending entry), so a check that read the old row is not kept. Other
     * replicas learn it from the directory and stop reusing the entry ({@link #cached}).
     */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokensRevoked revoked) {
        cache.invalidateIf(key -> key instanceof Key k && k.clientId().equals(revoked.subject()))
                .await().indefinitely();
    }

    /** HMAC-SHA-256 of {@code id:secret}: a client id cannot contain a colon (RFC 7617), so the pair is unambiguous. */
    private String fingerprint(TokenService.ClientCredentials credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            byte[] digest = mac.doFinal((credentials.clientId() + ":" + credentials.secret())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
