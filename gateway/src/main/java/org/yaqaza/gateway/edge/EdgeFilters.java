package org.yaqaza.gateway.edge;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.yaqaza.gateway.config.GatewayConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks every request before routing (after its request id is fixed, priority 1000): header size (431) and
 * declared body size (413) on all routes, and the per-address limits of the token endpoint, the sign-in page's
 * form and token revocation (429), where failed logins have their own, stricter bucket.
 */
@ApplicationScoped
public class EdgeFilters {

    static final int ACCESS_LOG_PRIORITY = 995;
    private static final int SIZE_PRIORITY = 990;
    private static final int TOKEN_LIMIT_PRIORITY = 980;
    /** Where credentials are checked: the token endpoint, the sign-in page's form, token revocation. */
    private static final Set<String> SIGN_IN_PATHS = Set.of("/auth/token", "/auth/authorize", "/auth/revoke");

    private final BodyLimits bodyLimits;
    private final RateLimiter limiter;
    private final AccessLog accessLog;
    private final long maxHeaderBytes;

    public EdgeFilters(BodyLimits bodyLimits, RateLimiter limiter, AccessLog accessLog, GatewayConfig config) {
        this.bodyLimits = bodyLimits;
        this.limiter = limiter;
        this.accessLog = accessLog;
        this.maxHeaderBytes = config.limits().maxHeaderSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(accessLog::start, ACCESS_LOG_PRIORITY);
        filters.register(this::sizes, SIZE_PRIORITY);
        filters.register(this::tokenEndpoint, TOKEN_LIMIT_PRIORITY);
    }

    private void sizes(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            // "name: value\r\n", as on the wire
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            EdgeProblems.send(rc, 431, "Request header fields too large", "The request's headers exceed "
                    + BodyLimits.describe(maxHeaderBytes) + ".", Map.of());
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long max = bodyLimits.maxBytes(rc.normalizedPath());
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > max) {
                tooLarge(rc, max);
                return;
            }
        }
        rc.next();
    }

    static void tooLarge(RoutingContext rc, long max) {
        EdgeProblems.send(rc, 413, "Request body too large", "The request body exceeds the "
                + BodyLimits.describe(max) + " accepted at this address.", Map.of());
    }

    private void tokenEndpoint(RoutingContext rc) {
        if (!SIGN_IN_PATHS.contains(rc.normalizedPath()) || rc.request().method() != HttpMethod.POST) {
            rc.next();
            return;
        }
        String address = address(rc);
        var failedGroup = limiter.group(RateLimiter.FAILED_LOGIN);
        if (signInsExhausted(rc, limiter, address)) {
            return;
        }
        if (failedGroup.isPresent()) {
            // a refusal (400 invalid_grant, 401 invalid_client or a wrong password on the page) spends a
            // failed-login token
            rc.addHeadersEndHandler(v -> {
                int status = rc.response().getStatusCode();
                if (status == 400 || status == 401) {
                    limiter.take(failedGroup.get(), address);
                }
            });
        }
        var tokenGroup = limiter.group(RateLimiter.TOKEN);
        if (tokenGroup.isPresent()) {
            RateLimiter.Decision decision = limiter.take(tokenGroup.get(), address);
            if (!decision.allowed()) {
                EdgeProblems.tooManyRequests(rc, decision, "Too many token requests from this address.");
                return;
            }
            EdgeProblems.rateLimitHeaders(rc, decision);
        }
        rc.next();
    }

    /**
     * Answers 429 when {@code address} has spent its failed sign-ins (token endpoint and the TAXII Basic exchange
     * alike); true when it did.
     */
    public static boolean signInsExhausted(RoutingContext rc, RateLimiter limiter, String address) {
        var failedGroup = limiter.group(RateLimiter.FAILED_LOGIN);
        if (failedGroup.isPresent()) {
            RateLimiter.Decision failed = limiter.peek(failedGroup.get(), address);
            if (!failed.allowed()) {
                EdgeProblems.tooManyRequests(rc, failed, "Too many failed sign-ins from this address; wait before "
                        + "trying again.");
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address as the gateway's HTTP layer sees it: behind an Ingress, turn on
     * {@code quarkus.http.proxy.proxy-address-forwarding} with {@code trusted-proxies} so that it is the real
     * client's, not the Ingress controller's.
     */
    public static String address(RoutingContext rc) {
        return address(rc.request());
    }

    public static String address(HttpServerRequest request) {
        var remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
