package org.yaqaza.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaqaza.common.security.TokenVerifier;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.EdgeFilters;
import org.yaqaza.gateway.edge.EdgeProblems;
import org.yaqaza.gateway.edge.RateLimiter;
import org.yaqaza.gateway.service.TokenRevocations;
import org.yaqaza.gateway.service.TokenService;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses forwarded requests without a valid bearer token before they reach a service (which verifies again:
 * the gateway is not trusted blindly). Verification may fetch a JWKS, so it runs on a worker thread while the
 * request body waits, paused; a token verified once is then accepted on the event loop until it expires, or until
 * the directory revokes it ({@link TokenRevocations}: checked on every request, a map lookup).
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

    private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);

    static final String TAXII_PREFIX = "/taxii2";
    static final String BASIC_CHALLENGE = "Basic realm=\"taxii\", charset=\"UTF-8\"";
    private static final String BASIC_REFUSED = "The client id or secret is not valid.";

    private final TokenVerifier verifier;
    private final BasicExchange basic;
    private final RateLimiter limiter;
    private final TokenRevocations revocations;
    private final Vertx vertx;
    private final String builtinIssuer;
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

    public EdgeAuthentication(TokenVerifier verifier, BasicExchange basic, RateLimiter limiter,
            TokenRevocations revocations, Vertx vertx, GatewayConfig config) {
        this.verifier = verifier;
        this.basic = basic;
        this.limiter = limiter;
        this.revocations = revocations;
        this.vertx = vertx;
        this.builtinIssuer = config.token().issuer();
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
        VerifiedToken known = verified.get(token);
        if (known != null) {
            if (known.expiresAtMillis() > System.currentTimeMillis()) {
                accept(rc, known);
                return;
            }
            verified.remove(token);
        }
        rc.request().pause();
        vertx.executeBlocking(() -> verifier.verify(token), false).onComplete(result -> {
            VerifiedToken checked = result.succeeded() ? verifiedToken(result.result()) : null;
            if (checked != null) {
                remember(token, checked);
                accept(rc, checked);
            } else {
                // RFC 6750 3.1: tell the client its token, not its request, is the problem
                refuse(rc, "The bearer token is not valid.", "Bearer error=\"invalid_token\"");
            }
        });
    }

    /**
     * Lets a verified token through unless the directory has revoked it since (its subject disabled, its
     * credential set or its claims changed): that takes effect on the next request, not at the token's expiry.
     */
    private void accept(RoutingContext rc, VerifiedToken token) {
        if (token.builtin() && revocations.revoked(token.subject(), token.jti(), token.issuedAtSeconds())) {
            rc.request().resume();
            refuse(rc, "The bearer token is no longer valid.", "Bearer error=\"invalid_token\"");
            return;
        }
        rc.put(SUBJECT, token.subject());
        rc.put(VerifiedToken.KEY, token);
        rc.next();
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
            forwardAs(rc, known);
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
        vertx.executeBlocking(() -> basic.exchange(key, credentials, address), false).onComplete(result -> {
            if (result.failed() && result.cause() instanceof BasicExchange.Refused refused) {
                if (refused.retryAfterSeconds() > 0) {
                    // throttled, as at the token endpoint: not checked, so not a failed sign-in of the address
                    EdgeProblems.send(rc, 429, "Too many requests", "Too many failed sign-ins for this client; "
                            + "wait before trying again.", Map.of("Retry-After",
                                    Long.toString(refused.retryAfterSeconds())));
                } else {
                    failedGroup.ifPresent(group -> limiter.take(group, address));
                    refuse(rc, BASIC_REFUSED, BASIC_CHALLENGE);
                }
            } else if (result.failed()) {
                LOG.warnf("TAXII Basic sign-in of %s could not be checked: %s", credentials.clientId(),
                        result.cause().toString());
                EdgeProblems.send(rc, 503, "Service unavailable", "Client id and secret cannot be checked right "
                        + "now; try again shortly.", Map.of("Retry-After", "5"));
            } else {
                forwardAs(rc, result.result());
            }
        });
    }

    private static void forwardAs(RoutingContext rc, BasicExchange.Exchanged exchanged) {
        rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + exchanged.token());
        rc.put(SUBJECT, exchanged.verified().subject());
        rc.put(VerifiedToken.KEY, exchanged.verified());
        rc.next();
    }

    /**
     * The cache is bounded (emptied when full: it refills with the active clients' tokens at their next
     * request) and holds only ordinary-sized tokens. The services verify every token again regardless.
     */
    private void remember(String token, VerifiedToken checked) {
        if (token.length() > CACHE_MAX_TOKEN_CHARS) {
            return;
        }
        if (verified.size() >= CACHE_ENTRIES) {
            verified.clear();
        }
        verified.put(token, checked);
    }

    /** The verified claims the edge keeps (the verifier requires sub, iat and exp); null if one is malformed. */
    private VerifiedToken verifiedToken(org.jose4j.jwt.JwtClaims claims) {
        try {
            return new VerifiedToken(claims.getSubject(), claims.getJwtId(), claims.getIssuedAt().getValue(),
                    claims.getExpirationTime().getValueInMillis(), builtinIssuer.equals(claims.getIssuer()));
        } catch (org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
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
