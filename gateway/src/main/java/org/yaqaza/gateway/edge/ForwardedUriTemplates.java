package org.yaqaza.gateway.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.yaqaza.gateway.config.GatewayConfig;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * A route template for the {@code uri} tag of {@code http_server_requests_seconds} on forwarded requests. The
 * gateway's proxy route has no path parameters, so Micrometer would tag each request with its raw path: one series
 * per report, partner or STIX id, until {@code max-uri-tags} refuses new ones (and with them the 5xx counts the
 * alerts read). Segments after the upstream's prefix that contain a digit (UUIDs, STIX ids, certificate numbers,
 * participant codes) become {@code {id}}, so the gateway's series line up with the services' own templates and
 * the route families of the alert rules. Paths without such a segment keep Micrometer's own tagging.
 */
@ApplicationScoped
public class ForwardedUriTemplates {

    /** After the request id, access log and size checks; before routing. */
    private static final int PRIORITY = 970;
    private static final String ID = "{id}";

    /** The forwarded prefixes, longest first so that the most specific one is taken. */
    private final List<String> prefixes;

    public ForwardedUriTemplates(GatewayConfig config) {
        List<String> all = new ArrayList<>();
        config.upstreams().values().forEach(u -> u.paths().forEach(p -> all.add(trimSlash(p))));
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.prefixes = List.copyOf(all);
    }

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    private void tag(RoutingContext rc) {
        Optional<String> template = template(prefixes, rc.normalizedPath());
        HttpRequestMetric metric = template.isPresent() ? HttpRequestMetric.getRequestMetric(rc) : null;
        if (metric != null) {
            metric.setTemplatePath(template.get());
        }
        rc.next();
    }

    /** The template of a forwarded path with an id in it; empty for other paths. */
    public static Optional<String> template(List<String> prefixes, String path) {
        for (String prefix : prefixes) {
            if (!path.startsWith(prefix + "/")) {
                continue;
            }
            String[] segments = path.substring(prefix.length() + 1).split("/", -1);
            boolean replaced = false;
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].chars().anyMatch(Character::isDigit)) {
                    segments[i] = ID;
                    replaced = true;
                }
            }
            return replaced ? Optional.of(prefix + "/" + String.join("/", segments)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static String trimSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
