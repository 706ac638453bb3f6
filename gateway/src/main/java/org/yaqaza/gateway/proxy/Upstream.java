package org.yaqaza.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.yaqaza.gateway.edge.CircuitBreaker;

/**
 * One upstream service: where it listens, which path prefixes it owns, its timeouts and its circuit. It may run as
 * several instances (replicas, {@code url=http://a,http://b}): requests are spread over them ({@link Instances});
 * {@code host}, {@code port}, {@code ssl} and {@code basePath} are those of the first, for the calls that need one
 * address (OpenAPI document, readiness, dashboard).
 */
public record Upstream(String name, boolean ssl, String host, int port, String basePath, List<String> paths,
        String openapiPath, String healthPath, long connectTimeoutMillis, long idleTimeoutMillis,
        CircuitBreaker circuit, Instances instances) {

    static Upstream parse(String name, String url, List<String> paths, String openapiPath, String healthPath,
            long connectTimeoutMillis, long idleTimeoutMillis, CircuitBreaker circuit) {
        return parse(name, url, paths, openapiPath, healthPath, connectTimeoutMillis, idleTimeoutMillis, circuit,
                0);
    }

    /** {@code url} is one base URL or several separated by commas (instances of the same service). */
    static Upstream parse(String name, String url, List<String> paths, String openapiPath, String healthPath,
            long connectTimeoutMillis, long idleTimeoutMillis, CircuitBreaker circuit, long downMillis) {
        List<Instances.Instance> parsed = new ArrayList<>();
        for (String one : url.split(",")) {
            if (!one.isBlank()) {
                parsed.add(instance(name, one.trim()));
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalStateException("yaqaza.gateway.upstreams." + name + ".url is empty");
        }
        Instances.Instance first = parsed.get(0);
        if (parsed.stream().anyMatch(i -> !i.basePath().equals(first.basePath()))) {
            // the path is set on the request before an instance is chosen
            throw new IllegalStateException("yaqaza.gateway.upstreams." + name
                    + ".url: the instances of one upstream must share the same path");
        }
        return new Upstream(name, first.ssl(), first.host(), first.port(), first.basePath(), List.copyOf(paths),
                openapiPath, healthPath, connectTimeoutMillis, idleTimeoutMillis, circuit,
                new Instances(parsed, downMillis));
    }

    private static Instances.Instance instance(String name, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("yaqaza.gateway.upstreams." + name + ".url is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null) {
            throw new IllegalStateException(
                    "yaqaza.gateway.upstreams." + name + ".url must be http(s)://host[:port][/path]");
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String base = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new Instances.Instance(ssl, uri.getHost(), port, base);
    }

    public String displayName() {
        return name + " service";
    }
}
