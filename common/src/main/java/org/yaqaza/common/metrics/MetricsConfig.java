package org.yaqaza.common.metrics;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What every service exports at {@code /q/metrics} beyond Micrometer's defaults, under {@code yaqaza.metrics.}. */
@ConfigMapping(prefix = "yaqaza.metrics")
public interface MetricsConfig {

    /**
     * Upper bounds of the {@code http_server_requests_seconds} histogram buckets. A short fixed list keeps the
     * series per route small (Micrometer's own percentile histogram has about 70 buckets); the latency thresholds
     * of the alert rules (k8s/components/monitoring) sit on these bounds, so change both together.
     */
    @WithDefault("25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s,30s")
    List<Duration> httpLatencyBuckets();
}
