package org.yaqaza.gateway.proxy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.AccessLog;
import org.yaqaza.gateway.edge.BodyLimits;
import org.yaqaza.gateway.edge.EdgeProblems;
import org.yaqaza.gateway.edge.RateLimiter;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
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
 * upstream's circuit, then the connection (retried for idempotent methods only; a stale pooled connection is
 * replaced once whatever the method, as long as nothing was written to it). Event streams are watched so that none
 * outlives its token ({@link LiveStreams}).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    /** RFC 9110 9.2.2; nothing has been sent when a connection attempt is retried, so repeating is safe. */
    static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

    private final Upstreams upstreams;
    private final EdgeAuthentication edge;
    private final RateLimiter limiter;
    private final BodyLimits bodyLimits;
    private final PublicBaseUrl publicBaseUrl;
    private final LiveStreams streams;
    private final Vertx vertx;
    private final GatewayConfig.Proxy config;
    /** Upstream connections that have carried a request, until they close. */
    private final Set<HttpConnection> connectionsInUse = ConcurrentHashMap.newKeySet();

    public ProxyRoutes(Upstreams upstreams, EdgeAuthentication edge, RateLimiter limiter, BodyLimits bodyLimits,
            PublicBaseUrl publicBaseUrl, LiveStreams streams, Vertx vertx, GatewayConfig config) {
        this.streams = streams;
        this.upstreams = upstreams;
        this.edge = edge;
        this.limiter = limiter;
        this.bodyLimits = bodyLimits;
        this.publicBaseUrl = publicBaseUrl;
        this.vertx = vertx;
        this.config = config.proxy();
    }

    void register(@Observes Router router) {
        for (Upstream upstream : upstreams.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    .origin(context -> connect(upstream, context, 0))
                    .addInterceptor(new ForwardingInterceptor(upstream, bodyLimits, publicBaseUrl,
                            config.retryAfter()));
            for (String path : upstream.paths()) {
                // "/prefix/*" matches the prefix itself and everything below it, never "/prefixother"
                router.route(path + "/*")
                        .handler(rc -> {
                            rc.put(AccessLog.UPSTREAM, upstream.name());
                            edge.handle(rc);
                        })
                        .handler(this::rateLimit)
                        .handler(rc -> {
                            streams.watch(rc);
                            proxy.handle(rc.request());
                        });
                LOG.infof("forwarding %s/** to %s at %s:%d", path, upstream.name(), upstream.host(), upstream.port());
            }
        }
        upstreams.console().ifPresent(console -> registerConsole(router, console));
    }

    /**
     * The console's pages and files, forwarded without the bearer check: the console keeps its own session (an
     * encrypted cookie from the authorization code flow) and calls the API through this gateway with the user's
     * token, where the edge checks it as for any client. The root of the gateway sends a browser to the console.
     */
    private void registerConsole(Router router, Upstream console) {
        HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                .origin(context -> connect(console, context, 0))
                .addInterceptor(new ForwardingInterceptor(console, bodyLimits, publicBaseUrl, config.retryAfter()));
        router.route(Upstreams.CONSOLE_PATH + "/*").handler(rc -> {
            rc.put(AccessLog.UPSTREAM, console.name());
            proxy.handle(rc.request());
        });
        router.route(HttpMethod.GET, "/").handler(rc -> rc.response().setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, Upstreams.CONSOLE_PATH + "/").end());
        LOG.infof("forwarding %s/** to the console at %s:%d", Upstreams.CONSOLE_PATH, console.host(), console.port());
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
     * A connection to the upstream, unless its circuit is open, with the request's head already written when its
     * body length is known (see {@link UpstreamHead}). Failing to connect is retried (after a short pause, a
     * bounded number of times) for idempotent methods; the body is still unread at this point. A pooled
     * connection found closed before the head went out (Vert.x: "Connection was closed") is replaced once, at
     * once, by a new connection, whatever the method: the upstream received nothing.
     */
    private Future<HttpClientRequest> connect(Upstream upstream, ProxyContext context, int attempt) {
        if (attempt == 0 && !upstream.circuit().allow()) {
            return Future.failedFuture(new ForwardingInterceptor.CircuitOpen());
        }
        return connect(upstream, context, attempt, false);
    }

    /** True the first time a connection is seen (it is forgotten when it closes). */
    private boolean firstUse(HttpConnection connection) {
        if (connection == null || !connectionsInUse.add(connection)) {
            return false;
        }
        connection.closeHandler(closed -> connectionsInUse.remove(connection));
        return true;
    }

    private Future<HttpClientRequest> connect(Upstream upstream, ProxyContext context, int attempt,
            boolean replaced) {
        Promise<HttpClientRequest> result = Promise.promise();
        // a replacement never takes a pooled connection: it could be just as stale as the one it replaces
        boolean fresh = replaced || context.get(ForwardingInterceptor.SENT_AGAIN, Boolean.class) != null;
        HttpClient client = fresh ? upstreams.freshClient() : context.client();
        Instances.Instance instance = upstream.instances().pick();
        client.request(new RequestOptions()
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setConnectTimeout(upstream.connectTimeoutMillis())
                .setIdleTimeout(upstream.idleTimeoutMillis()))
                .onSuccess(request -> {
                    context.set(ForwardingInterceptor.UPSTREAM_REQUEST, request);
                    context.set(ForwardingInterceptor.REUSED_CONNECTION, !firstUse(request.connection()));
                    if (!UpstreamHead.canSendFirst(context.request())) {
                        result.complete(request);
                        return;
                    }
                    UpstreamHead.sendFirst(request, context.request()).onComplete(sent -> {
                        if (sent.succeeded()) {
                            result.complete(request);
                        } else if (!fresh) {
                            LOG.debugf("head of %s %s not written to %s (%s): on a new connection",
                                    context.request().getMethod(), context.request().getURI(), upstream.name(),
                                    sent.cause().toString());
                            request.reset();
                            connect(upstream, context, attempt, true).onComplete(result);
                        } else {
                            result.fail(sent.cause());
                        }
                    });
                })
                .onFailure(failure -> {
                    // the circuit counts the request's final outcome once (ForwardingInterceptor), not each attempt
                    HttpMethod method = context.request().proxiedRequest().method();
                    if (failure instanceof HttpClosedException && !fresh) {
                        LOG.debugf("pooled connection to %s closed before %s %s: on a new connection",
                                upstream.name(), method, context.request().getURI());
                        connect(upstream, context, attempt, true).onComplete(result);
                    } else if (attempt < config.retries() && IDEMPOTENT.contains(method)) {
                        // nothing was sent: the instance is skipped for a while, and the next one in turn (when
                        // there are several) is tried at once
                        upstream.instances().markDown(instance);
                        boolean another = upstream.instances().all().size() > 1;
                        LOG.debugf("retrying %s %s on %s (%s failed: %s)", method, context.request().getURI(),
                                upstream.name(), instance, failure.toString());
                        if (another) {
                            connect(upstream, context, attempt + 1, replaced).onComplete(result);
                        } else {
                            vertx.setTimer(Math.max(1, config.retryDelay().toMillis()),
                                    id -> connect(upstream, context, attempt + 1, replaced).onComplete(result));
                        }
                    } else {
                        if (!(failure instanceof HttpClosedException)) {
                            upstream.instances().markDown(instance);
                        }
                        result.fail(failure);
                    }
                });
        return result.future();
    }
}
