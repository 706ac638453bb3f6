package org.yaqaza.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaqaza.common.security.TokenVerifier;
import org.yaqaza.gateway.edge.EdgeFilters;
import org.yaqaza.gateway.edge.EdgeProblems;
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
 * TAXII clients may use HTTP Basic with their client id and secret (TAXII 2.1 section 1.6.8.1), on {@code /taxii2}
 * only: {@link BasicExchange} turns them into a bearer token, with the failed-login limit of the caller's address
 * applied here. Every refusal is a problem written by {@link EdgeProblems}; a malformed header, an empty secret, an
 * unknown client and a wrong secret all get the same 401.
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

    private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);

    static final String TAXII_PREFIX = "/taxii2";
    static final String BASIC_CHALLENGE = "Basic realm=\"taxii\", charset=\"UTF-8\"";
    private static final String BASIC_REFUSED = "The client id or secret is not valid.";

    private final TokenVerifier verifier;
    private final BasicExchange basic;
    private final RateLimiter limiter;
    private final Vertx vertx;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public EdgeAuthentication(TokenVerifier verifier, BasicExchange basic, RateLimiter limiter, Vertx vertx) {
        this.verifier = verifier;
        this.basic = basic;
        this.limiter = limiter;
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String token = bearer(authorization);
        if (token == null) {
            boolean taxii = isTaxii(rc.normalizedPath());
            if (taxii && isBasic(authorization)) {
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

    /** The Basic scheme, credentials or not ("Basic" alone is a malformed Basic header, not a missing one). */
    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)
                && (authorization.length() == 5 || authorization.charAt(5) == ' ');
    }

    static boolean isTaxii(String path) {
        return path != null && (path.equals(TAXII_PREFIX) || path.startsWith(TAXII_PREFIX + "/"));
    }

    /** HTTP Basic on TAXII: client credentials checked by the token service, a bearer token forwarded instead. */
    private void basic(RoutingContext rc, String authorization) {
        TokenService.ClientCredentials credentials = TokenService.ClientCredentials.fromBasicHeader(authorization,
                false);
        BasicExchange.Key key = credentials == null ? null : basic.key(credentials);
        BasicExchange.Exchanged known = key == null ? null : basic.cached(key);
        if (known != null) {
            forwardAs(rc, known.token(), known.subject());
            return;
        }
        String address = EdgeFilters.address(rc);
        if (EdgeFilters.signInsExhausted(rc, limiter, address)) {
            return;
        }
        var failedGroup = limiter.group(RateLimiter.FAILED_LOGIN);
        if (credentials == null) {
            failedGroup.ifPresent(group -> limiter.take(group, address));
            refuse(rc, BASIC_REFUSED, BASIC_CHALLENGE);
            return;
        }
        rc.request().pause();
        vertx.executeBlocking(() -> basic.exchange(key, credentials), false).onComplete(result -> {
            if (result.failed()) {
                LOG.warnf("TAXII Basic sign-in of %s could not be checked: %s", credentials.clientId(),
                        result.cause().toString());
                EdgeProblems.send(rc, 503, "Service unavailable", "Client id and secret cannot be checked right "
                        + "now; try again shortly.", Map.of("Retry-After", "5"));
            } else if (result.result() == null) {
                failedGroup.ifPresent(group -> limiter.take(group, address));
                refuse(rc, BASIC_REFUSED, BASIC_CHALLENGE);
            } else {
                forwardAs(rc, result.result().token(), result.result().subject());
            }
        });
    }

    private static void forwardAs(RoutingContext rc, String token, String subject) {
        rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        rc.put(SUBJECT, subject);
        rc.next();
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

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void refuse(RoutingContext rc, String detail, String challenge) {
        EdgeProblems.send(rc, 401, "Unauthorized", detail, Map.of("WWW-Authenticate", challenge));
    }
}
