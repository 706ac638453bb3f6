package org.yaqaza.gateway.edge;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.yaqaza.gateway.config.GatewayConfig;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS at the edge, for the configured internal web origins only (Quarkus's own filter answers a refusal with a
 * bare 403; here it is a problem document with the request id). Preflights are answered here and never
 * forwarded; a request from an origin that is not allowed is refused before anything else happens to it, so
 * a browser page elsewhere cannot make the suite act (a POST, say) even though it could not read the answer.
 */
@ApplicationScoped
public class EdgeCors {

    /** After the size checks, before the token endpoint's rate limits: a preflight costs no token. */
    static final int PRIORITY = 985;
    private static final String PREFLIGHT_VARY =
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final Set<String> origins;
    private final Set<String> methods;
    private final Set<String> headers;
    private final String allowMethods;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAgeSeconds;
    private final boolean allowCredentials;

    public EdgeCors(GatewayConfig config) {
        GatewayConfig.Cors cors = config.cors();
        this.origins = cors.origins().orElse(List.of()).stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(EdgeCors::checkedOrigin)
                .collect(Collectors.toUnmodifiableSet());
        this.methods = cors.methods().stream().map(m -> m.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.headers = cors.headers().stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.allowMethods = String.join(",", cors.methods());
        this.allowHeaders = String.join(",", cors.headers());
        this.exposeHeaders = String.join(",", cors.exposedHeaders());
        this.maxAgeSeconds = Long.toString(cors.maxAge().toSeconds());
        this.allowCredentials = cors.allowCredentials();
    }

    /** An origin as browsers send it: lower-case scheme and host, a port only when not the default. */
    private static String checkedOrigin(String configured) {
        String origin = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || !(uri.getScheme().equalsIgnoreCase("http")
                        || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalStateException("yaqaza.gateway.cors.origins: " + configured
                    + " is not an origin like https://console.example.org[:port] (no path, no wildcard)");
        }
        return origin.toLowerCase(Locale.ROOT);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        // the answer depends on the origin: a shared cache must not hand one origin's answer to another
        response.headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        String requestedMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        boolean preflight = request.method() == HttpMethod.OPTIONS && requestedMethod != null;
        if (!allowed(request, origin)) {
            refuse(rc, "Cross-origin requests from " + origin + " are not allowed.");
            return;
        }
        if (preflight) {
            preflight(rc, origin, requestedMethod);
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (allowCredentials) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!exposeHeaders.isEmpty()) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposeHeaders);
        }
        rc.next();
    }

    private void preflight(RoutingContext rc, String origin, String requestedMethod) {
        if (!methods.contains(requestedMethod.trim().toUpperCase(Locale.ROOT))) {
            refuse(rc, "Cross-origin " + requestedMethod + " requests are not allowed.");
            return;
        }
        String requestedHeaders = rc.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requestedHeaders != null) {
            for (String header : requestedHeaders.split(",")) {
                String name = header.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !headers.contains(name)) {
                    refuse(rc, "The header " + header.trim() + " is not allowed in cross-origin requests.");
                    return;
                }
            }
        }
        HttpServerResponse response = rc.response().setStatusCode(204)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, allowMethods)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds);
        response.headers().set(HttpHeaders.VARY, PREFLIGHT_VARY);
        if (allowCredentials) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        response.end();
    }

    private boolean allowed(HttpServerRequest request, String origin) {
        return origins.contains(origin.toLowerCase(Locale.ROOT)) || sameOrigin(request, origin);
    }

    /** The gateway's own pages (Swagger UI) send an Origin on writes too: their origin is the gateway's. */
    static boolean sameOrigin(HttpServerRequest request, String origin) {
        String scheme = request.scheme() == null ? "http" : request.scheme();
        if (request.authority() == null) {
            return false;
        }
        String host = request.authority().host();
        int port = request.authority().port();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https")
                && port == 443);
        String expected = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(expected)
                || (defaultPort && origin.equalsIgnoreCase(expected + ":" + (scheme.equals("https") ? 443 : 80)));
    }

    private static void refuse(RoutingContext rc, String detail) {
        EdgeProblems.send(rc, 403, "Forbidden", detail, Map.of());
    }
}
