package org.yaqaza.liaison.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The liaison gauges computed by a query, under {@code yaqaza.liaison.metrics.}. */
@ConfigMapping(prefix = "yaqaza.liaison.metrics")
public interface LiaisonMetricsConfig {

    /**
     * How often the outbox and warning gauges are recomputed (read by the scheduler). A scrape only reads the
     * last values, so scrapes never reach the database; {@code off} freezes the gauges at NaN.
     */
    @WithDefault("15s")
    String refreshEvery();
}
