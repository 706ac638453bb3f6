package org.yaqaza.gateway.proxy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.AccessLog;
import org.yaqaza.gateway.edge.BodyLimits;
import org.yaqaza.gateway.edge.EdgeProblems;
import org.yaqaza.gateway.edge.RateLimiter;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;

/**
 * Forwards each upstream's path prefixes with a streaming reverse proxy. No body handler sits in front: bodies
 * flow through both ways without being buffered, whatever their size. Only the configured prefixes are
 * routed here, so the gateway's own routes (/auth, /.well-known, /api/admin, /api/gateway, /api/dashboard, /q,
 * /openapi) never are. Each request passes, in order: the edge token check, the caller's rate limit, the
 * upstream's circuit, then the connection (retried for idempotent methods only).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** RFC 9110 9.2.2; nothing has been sent when a connection attempt is retried, so repeating is safe. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

    private final Upstreams upstreams;
    private final EdgeAuthentication edge;
    private final RateLimiter limiter;
    private final BodyLimits bodyLimits;
    private final Vertx vertx;
    private final GatewayConfig.Proxy config;

    public ProxyRoutes(Upstreams upstreams, EdgeAuthentication edge, RateLimiter limiter, BodyLimits bodyLimits,
            Vertx vertx, GatewayConfig config) {
        this.upstreams = upstreams;
        this.edge = edge;
        this.limiter = limiter;
        this.bodyLimits = bodyLimits;
        this.vertx = vertx;
        this.config = config.proxy();
    }

    void register(@Observes Router router) {
        for (Upstream upstream : upstreams.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    .origin(context -> connect(upstream, context, 0))
                    .addInterceptor(new ForwardingInterceptor(upstream, bodyLimits, config.retryAfter()));
            for (String path : upstream.paths()) {
                // "/prefix/*" matches the prefix itself and everything below it, never "/prefixother"
                router.route(path + "/*")
                        .handler(rc -> {
                            rc.put(AccessLog.UPSTREAM, upstream.name());
                            edge.handle(rc);
                        })
                        .handler(this::rateLimit)
                        .handler(rc -> proxy.handle(rc.request()));
                LOG.infof("forwarding %s/** to %s at %s:%d", path, upstream.name(), upstream.host(), upstream.port());
            }
        }
    }

    private void rateLimit(RoutingContext rc) {
        var group = limiter.groupFor(rc.normalizedPath());
        if (group.isEmpty()) {
            rc.next();
            return;
        }
        String subject = rc.get(AccessLog.SUBJECT);
        RateLimiter.Decision decision = limiter.take(group.get(), subject == null ? "" : subject);
        if (!decision.allowed()) {
            rc.request().resume();
            EdgeProblems.tooManyRequests(rc, decision, "Too many requests from this client; slow down.");
            return;
        }
        EdgeProblems.rateLimitHeaders(rc, decision);
        rc.next();
    }

    /**
     * A connection to the upstream, unless its circuit is open. Failing to connect is retried (after a short
     * pause, a bounded number of times) for idempotent methods; the body is still unread at this point.
     */
    private Future<HttpClientRequest> connect(Upstream upstream, ProxyContext context, int attempt) {
        if (attempt == 0 && !upstream.circuit().allow()) {
            return Future.failedFuture(new ForwardingInterceptor.CircuitOpen());
        }
        Promise<HttpClientRequest> result = Promise.promise();
        context.client().request(new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(upstream.connectTimeoutMillis())
                .setIdleTimeout(upstream.idleTimeoutMillis()))
                .onSuccess(request -> {
                    context.set(ForwardingInterceptor.UPSTREAM_REQUEST, request);
                    result.complete(request);
                })
                .onFailure(failure -> {
                    // the circuit counts the request's final outcome once (ForwardingInterceptor), not each attempt
                    HttpMethod method = context.request().proxiedRequest().method();
                    if (attempt < config.retries() && IDEMPOTENT.contains(method)) {
                        LOG.debugf("retrying %s %s on %s: %s", method, context.request().getURI(), upstream.name(),
                                failure.toString());
                        vertx.setTimer(Math.max(1, config.retryDelay().toMillis()),
                                id -> connect(upstream, context, attempt + 1).onComplete(result));
                    } else {
                        result.fail(failure);
                    }
                });
        return result.future();
    }
}
