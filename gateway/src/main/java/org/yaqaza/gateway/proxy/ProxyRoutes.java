package org.yaqaza.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.gateway.config.GatewayConfig;

import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;

/**
 * Forwards each upstream's path prefixes with a streaming reverse proxy. No body handler sits in front: bodies
 * flow through both ways without being buffered, whatever their size. Only the configured prefixes are
 * routed here, so the gateway's own routes (/auth, /.well-known, /api/admin, /api/gateway, /q, /openapi) never
 * are.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final Upstreams upstreams;
    private final EdgeAuthentication edge;
    private final GatewayConfig.Proxy config;

    public ProxyRoutes(Upstreams upstreams, EdgeAuthentication edge, GatewayConfig config) {
        this.upstreams = upstreams;
        this.edge = edge;
        this.config = config.proxy();
    }

    void register(@Observes Router router) {
        long idleTimeout = config.idleTimeout().toMillis();
        for (Upstream upstream : upstreams.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstreams.client())
                    .origin(context -> context.client().request(new RequestOptions()
                            .setHost(upstream.host())
                            .setPort(upstream.port())
                            .setSsl(upstream.ssl())
                            .setIdleTimeout(idleTimeout))
                            .onSuccess(request -> context.set(ForwardingInterceptor.UPSTREAM_REQUEST, request)))
                    .addInterceptor(new ForwardingInterceptor(upstream, idleTimeout, config.retryAfter()));
            for (String path : upstream.paths()) {
                // "/prefix/*" matches the prefix itself and everything below it, never "/prefixother"
                router.route(path + "/*")
                        .handler(edge)
                        .handler(rc -> proxy.handle(rc.request()));
                LOG.infof("forwarding %s/** to %s at %s:%d", path, upstream.name(), upstream.host(), upstream.port());
            }
        }
    }
}
