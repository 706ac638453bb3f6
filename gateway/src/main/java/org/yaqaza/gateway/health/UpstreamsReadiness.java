package org.yaqaza.gateway.health;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.proxy.Upstream;
import org.yaqaza.gateway.proxy.Upstreams;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The suite's readiness as the gateway sees it: each upstream's own {@code /q/health/ready}, asked in parallel
 * with a short timeout, plus its circuit state. One upstream down leaves the gateway ready (the others still
 * serve; taking every gateway replica out of the load balancer would stop them too) and reports it as
 * degraded, naming which; {@code require-all-upstreams=true} makes it not ready instead.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final Upstreams upstreams;
    private final long timeoutMillis;
    private final boolean requireAll;

    public UpstreamsReadiness(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.timeoutMillis = config.health().upstreamTimeout().toMillis();
        this.requireAll = config.health().requireAllUpstreams();
    }

    record Probe(Upstream upstream, boolean up, String detail) {
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Probe>> probes = new ArrayList<>();
        for (Upstream upstream : upstreams.all()) {
            probes.add(probe(upstream));
        }
        return Uni.createFrom().completionStage(() -> Future.join(probes).map(all -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams");
            TreeMap<String, String> data = new TreeMap<>();
            List<String> down = new ArrayList<>();
            for (Future<Probe> f : probes) {
                Probe probe = f.result();
                data.put(probe.upstream().name(), probe.detail());
                if (!probe.up()) {
                    down.add(probe.upstream().name());
                }
            }
            data.forEach(response::withData);
            response.withData("degraded", down.isEmpty() ? "none" : String.join(",", down));
            return response.status(down.isEmpty() || !requireAll).build();
        }).toCompletionStage());
    }

    private Future<Probe> probe(Upstream upstream) {
        String circuit = upstream.circuit().state().name();
        return upstreams.client().request(new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + upstream.healthPath())
                .setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .map(status -> new Probe(upstream, status == 200,
                        (status == 200 ? "UP" : "DOWN (status " + status + ")") + ", circuit " + circuit))
                .otherwise(failure -> new Probe(upstream, false, "DOWN (" + reason(failure) + "), circuit "
                        + circuit));
    }

    private static String reason(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return name.contains("Timeout") ? "no answer in time" : "unreachable";
    }
}
