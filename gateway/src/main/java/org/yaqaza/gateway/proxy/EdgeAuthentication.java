package org.yaqaza.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.common.security.TokenVerifier;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses forwarded requests without a valid bearer token before they reach a service (which verifies again:
 * the gateway is not trusted blindly). Verification may fetch a JWKS, so it runs on a worker thread while the
 * request body waits, paused; a token verified once is then accepted on the event loop until it expires.
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

    private final TokenVerifier verifier;
    private final Vertx vertx;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public EdgeAuthentication(TokenVerifier verifier, Vertx vertx) {
        this.verifier = verifier;
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext rc) {
        String token = bearer(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            refuse(rc, "A bearer token is required.", "Bearer");
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
