package org.yaqaza.gateway.proxy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.TokenVerifier;
import org.yaqaza.gateway.edge.EdgeFilters;
import org.yaqaza.gateway.edge.RateLimiter;
import org.yaqaza.gateway.service.TokenService;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses forwarded requests without a valid bearer token before they reach a service (which verifies again:
 * the gateway is not trusted blindly). Verification may fetch a JWKS, so it runs on a worker thread while the
 * request body waits, paused; a token verified once is then accepted on the event loop until it expires.
 * <p>
 * TAXII clients may use HTTP Basic with their client id and secret (TAXII 2.1 section 1.6.8.1): the gateway checks
 * them with its own token service (lock-out, failed-login limit per address, audit), forwards a short-lived bearer
 * token in their place, and no service ever sees a secret. The exchange is remembered under an HMAC of the header
 * (never the secret itself) for at most {@link #BASIC_REUSE_MILLIS}.
 */
@Singleton
public class EdgeAuthentication implements Handler<RoutingContext> {

    /** The verified token's subject (a person's id or a machine client's id), for rate limits and the log. */
    public static final String SUBJECT = org.yaqaza.gateway.edge.AccessLog.SUBJECT;

    /** Verified tokens remembered (until they expire) so that a client's next requests skip the RSA check. */
    private static final int CACHE_ENTRIES = 4096;
    private static final int CACHE_MAX_TOKEN_CHARS = 4096;

    private record Verified(String subject, long expiresAtMillis) {
    }

    static final String TAXII_PREFIX = "/taxii2";
    private static final String BASIC_CHALLENGE = "Basic realm=\"taxii\", charset=\"UTF-8\"";
    /** A Basic exchange is reused this long at most, and never in the last 30 s of its token. */
    static final long BASIC_REUSE_MILLIS = 5 * 60_000L;
    private static final long BASIC_EXPIRY_MARGIN_MILLIS = 30_000L;

    private record Exchanged(String token, String subject, long reuseUntilMillis) {
    }

    private final TokenVerifier verifier;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final Vertx vertx;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Exchanged> exchanged = new ConcurrentHashMap<>();
    /** Per process: cache keys of Basic headers mean nothing outside this JVM. */
    private final byte[] basicKey = new SecureRandom().generateSeed(32);

    public EdgeAuthentication(TokenVerifier verifier, TokenService tokens, RateLimiter limiter, Vertx vertx) {
        this.verifier = verifier;
        this.tokens = tokens;
        this.limiter = limiter;
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String token = bearer(authorization);
        if (token == null) {
            boolean taxii = isTaxii(rc.normalizedPath());
            if (taxii && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                basic(rc, authorization);
                return;
            }
            refuse(rc, "A bearer token is required.", taxii ? "Bearer, " + BASIC_CHALLENGE : "Bearer");
            return;
        }
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAtMillis() > System.currentTimeMillis()) {
                rc.put(SUBJECT, known.subject());
                rc.next();
                return;
            }
            verified.remove(token);
        }
        rc.request().pause();
        vertx.executeBlocking(() -> verifier.verify(token), false).onComplete(result -> {
            if (result.succeeded()) {
                String subject = subject(result.result());
                remember(token, subject, result.result());
                rc.put(SUBJECT, subject);
                rc.next();
            } else {
                // RFC 6750 3.1: tell the client its token, not its request, is the problem
                refuse(rc, "The bearer token is not valid.", "Bearer error=\"invalid_token\"");
            }
        });
    }

    static boolean isTaxii(String path) {
        return path != null && (path.equals(TAXII_PREFIX) || path.startsWith(TAXII_PREFIX + "/"));
    }

    /** HTTP Basic on TAXII: client credentials checked by the token service, a bearer token forwarded instead. */
    private void basic(RoutingContext rc, String authorization) {
        String cacheKey = hmac(authorization);
        Exchanged known = exchanged.get(cacheKey);
        if (known != null) {
            if (known.reuseUntilMillis() > System.currentTimeMillis()) {
                forwardAs(rc, known.token(), known.subject());
                return;
            }
            exchanged.remove(cacheKey);
        }
        TokenService.ClientCredentials credentials = TokenService.ClientCredentials.fromBasicHeader(authorization,
                false);
        if (credentials == null) {
            refuse(rc, "The Basic credentials are malformed.", BASIC_CHALLENGE);
            return;
        }
        String address = EdgeFilters.address(rc);
        if (EdgeFilters.signInsExhausted(rc, limiter, address)) {
            return;
        }
        var failedGroup = limiter.group(RateLimiter.FAILED_LOGIN);
        rc.request().pause();
        vertx.executeBlocking(() -> tokens.clientCredentials(credentials), false)
                .onComplete(result -> {
                    if (result.succeeded() && result.result() instanceof TokenService.Granted granted) {
                        var issued = granted.issued();
                        long reuseUntil = Math.min(System.currentTimeMillis() + BASIC_REUSE_MILLIS,
                                issued.expiresAt().toEpochMilli() - BASIC_EXPIRY_MARGIN_MILLIS);
                        if (exchanged.size() >= CACHE_ENTRIES) {
                            exchanged.clear();
                        }
                        exchanged.put(cacheKey, new Exchanged(issued.token(), credentials.clientId(), reuseUntil));
                        forwardAs(rc, issued.token(), credentials.clientId());
                    } else {
                        failedGroup.ifPresent(group -> limiter.take(group, address));
                        refuse(rc, "The client id or secret is not valid.", BASIC_CHALLENGE);
                    }
                });
    }

    private static void forwardAs(RoutingContext rc, String token, String subject) {
        rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        rc.put(SUBJECT, subject);
        rc.next();
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(basicKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The cache is bounded (emptied when full: it refills with the active clients' tokens at their next
     * request) and holds only ordinary-sized tokens. The services verify every token again regardless.
     */
    private void remember(String token, String subject, org.jose4j.jwt.JwtClaims claims) {
        if (token.length() > CACHE_MAX_TOKEN_CHARS) {
            return;
        }
        try {
            long expires = claims.getExpirationTime().getValueInMillis();
            if (verified.size() >= CACHE_ENTRIES) {
                verified.clear();
            }
            verified.put(token, new Verified(subject, expires));
        } catch (org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            // not cached: verified again next time
        }
    }

    private static String subject(org.jose4j.jwt.JwtClaims claims) {
        try {
            return claims.getSubject();
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return null;
        }
    }

    static boolean bodyPending(RoutingContext rc) {
        if (rc.request().isEnded()) {
            return false;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return rc.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || (length != null && !length.trim().equals("0"));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(RoutingContext rc, String detail, String challenge) {
        var response = rc.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", challenge);
        if (bodyPending(rc)) {
            // do not read an unauthorised upload to its end: answer and drop the connection
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Problems.json(401, "Unauthorized", detail, rc.normalizedPath(), rc.get(RequestIds.CONTEXT_KEY)));
    }
}
