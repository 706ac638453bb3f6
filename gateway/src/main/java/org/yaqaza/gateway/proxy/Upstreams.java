package org.yaqaza.gateway.proxy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.CircuitBreaker;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * The configured upstreams and the one HTTP client that reaches them (pooled connections per upstream). Path
 * prefixes are checked at start: none may shadow the gateway's own routes or another upstream's.
 */
@Singleton
public class Upstreams {

    /** The gateway's own routes and the console's, never forwarded to an API service. */
    static final List<String> RESERVED = List.of("/auth", "/.well-known", "/api/admin", "/api/gateway", "/q",
            "/openapi", "/api/dashboard", Upstreams.CONSOLE_PATH);

    /** Where the console is reached through the gateway (its own root path). */
    public static final String CONSOLE_PATH = "/console";

    private final List<Upstream> upstreams;
    private final Optional<Upstream> console;
    private final HttpClient client;
    private final HttpClient freshClient;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        List<Upstream> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, GatewayConfig.Upstream> e : config.upstreams().entrySet()) {
            for (String path : e.getValue().paths()) {
                if (!path.matches("(/[A-Za-z0-9._~-]+)+")) {
                    throw new IllegalStateException("yaqaza.gateway.upstreams." + e.getKey()
                            + ".paths: " + path + " must be a path like /api/name, without a trailing slash");
                }
                for (String other : union(RESERVED, seen)) {
                    if (path.equals(other) || path.startsWith(other + "/") || other.startsWith(path + "/")) {
                        throw new IllegalStateException("yaqaza.gateway.upstreams." + e.getKey() + ".paths: " + path
                                + " overlaps " + other);
                    }
                }
                seen.add(path);
            }
            GatewayConfig.Upstream u = e.getValue();
            GatewayConfig.Proxy proxy = config.proxy();
            parsed.add(Upstream.parse(e.getKey(), u.url(), u.paths(), u.openapiPath(), u.healthPath(),
                    u.connectTimeout().orElse(proxy.connectTimeout()).toMillis(),
                    u.idleTimeout().orElse(proxy.idleTimeout()).toMillis(),
                    new CircuitBreaker(u.circuitFailureThreshold().orElse(proxy.circuitFailureThreshold()),
                            proxy.circuitOpenDuration()), proxy.instanceDownDuration().toMillis()));
        }
        this.upstreams = List.copyOf(parsed);
        GatewayConfig.Proxy proxy = config.proxy();
        this.console = config.console().url().map(url -> Upstream.parse("console", url, List.of(CONSOLE_PATH), "",
                "/q/health/ready", proxy.connectTimeout().toMillis(), proxy.idleTimeout().toMillis(),
                new CircuitBreaker(proxy.circuitFailureThreshold(), proxy.circuitOpenDuration())));
        // bytes pass through untouched: no decompression, no compression, HTTP/1.1 keep-alive to each upstream. An
        // idle pooled connection is closed by the gateway before the service's own idle timeout can close it under
        // a request (proxy.keep-alive-timeout < the services' quarkus.http.idle-timeout). Not traced by Vert.x: the
        // ForwardingInterceptor sets the one traceparent (the gateway's request span), and a traced client would
        // add a second one
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, proxy.keepAliveTimeout().toSeconds()))
                .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(proxy.maxConnections()));
        // requests that found their pooled connection closed go again on a connection of their own
        this.freshClient = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                .setTracingPolicy(TracingPolicy.IGNORE)
                .setKeepAlive(false)
                .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(proxy.maxConnections()));
    }

    private static List<String> union(List<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    public List<Upstream> all() {
        return upstreams;
    }

    /** The console, when configured: not an API service (no OpenAPI document, not in the gateway's readiness). */
    public Optional<Upstream> console() {
        return console;
    }

    public Optional<Upstream> byName(String name) {
        return upstreams.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public HttpClient client() {
        return client;
    }

    /** A client without keep-alive: every request on a new connection. */
    public HttpClient freshClient() {
        return freshClient;
    }

    @PreDestroy
    void close() {
        client.close();
        freshClient.close();
    }
}
