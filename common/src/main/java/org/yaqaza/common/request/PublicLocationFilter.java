package org.yaqaza.common.request;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Every {@code Location} this process sends points at the public base URL ({@link PublicBaseUrl}): resources
 * write {@code Response.created(URI.create("/api/..."))} and this filter, not each resource, makes it absolute.
 * A relative Location, or one that the framework made absolute on this server's own host name (as it saw the
 * request), is re-based; a Location naming another host is left alone. Runs when the response head is written, so
 * it covers JAX-RS answers and Vert.x routes (the gateway's proxied answers) alike.
 */
@ApplicationScoped
public class PublicLocationFilter {

    private static final int PRIORITY = 999;

    private final PublicBaseUrl publicBaseUrl;

    public PublicLocationFilter(PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(ignored -> rebase(rc));
            rc.next();
        }, PRIORITY);
    }

    private void rebase(RoutingContext rc) {
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        String rebased = rebase(location, rc.request());
        if (rebased != null && !rebased.equals(location)) {
            rc.response().headers().set(HttpHeaders.LOCATION, rebased);
        }
    }

    private String rebase(String location, HttpServerRequest request) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        if (uri.getScheme() != null && !ownHost(uri.getHost(), request)) {
            return null;
        }
        return publicBaseUrl.of(request) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The host names this request could have been given: its Host header and the host the framework saw. */
    private static boolean ownHost(String host, HttpServerRequest request) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals(hostOnly(request.getHeader(HttpHeaders.HOST)))
                || (request.authority() != null && name.equals(request.authority().host().toLowerCase(Locale.ROOT)))
                || (request.localAddress() != null && name.equals(request.localAddress().hostAddress()));
    }

    private static String hostOnly(String authority) {
        if (authority == null) {
            return null;
        }
        String value = authority.trim().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        return colon > value.lastIndexOf(']') ? value.substring(0, colon) : value;
    }
}
