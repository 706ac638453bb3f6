package org.yaqaza.gateway.proxy;

import java.net.URI;
import java.util.List;

import org.yaqaza.gateway.edge.CircuitBreaker;

/** One upstream service: where it listens, which path prefixes it owns, its timeouts and its circuit. */
public record Upstream(String name, boolean ssl, String host, int port, String basePath, List<String> paths,
        String openapiPath, String healthPath, long connectTimeoutMillis, long idleTimeoutMillis,
        CircuitBreaker circuit) {

    static Upstream parse(String name, String url, List<String> paths, String openapiPath, String healthPath,
            long connectTimeoutMillis, long idleTimeoutMillis, CircuitBreaker circuit) {
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
        return new Upstream(name, ssl, uri.getHost(), port, base, List.copyOf(paths), openapiPath, healthPath,
                connectTimeoutMillis, idleTimeoutMillis, circuit);
    }

    public String displayName() {
        return name + " service";
    }
}
