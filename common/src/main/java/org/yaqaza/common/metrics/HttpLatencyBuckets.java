package org.yaqaza.common.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for the HTTP server timer, so that Prometheus can compute a p99 per route family across
 * replicas ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}); without them Micrometer
 * exports only count, sum and max, which cannot be aggregated into a percentile.
 */
@Singleton
public class HttpLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    private final MetricsConfig config;

    public HttpLatencyBuckets(MetricsConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        double[] bounds = config.httpLatencyBuckets().stream().mapToDouble(d -> d.toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig defaults) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return defaults;
                }
                // timers take their bucket bounds in nanoseconds; the registry exports them in seconds
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(defaults);
            }
        };
    }
}
