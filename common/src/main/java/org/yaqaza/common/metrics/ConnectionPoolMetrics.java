package org.yaqaza.common.metrics;

import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The size limit of the connection pool, next to Agroal's own gauges ({@code agroal_active_count},
 * {@code agroal_awaiting_count}, ...; {@code quarkus.datasource.metrics.enabled=true}), which say how many
 * connections are in use but not out of how many: the saturation alert divides one by the other.
 */
@Startup
@Singleton
public class ConnectionPoolMetrics {

    /** The tag Agroal's gauges carry, with the same value, so that the two divide one-to-one. */
    static final String DATASOURCE_TAG = "datasource";

    public ConnectionPoolMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        // the running pool's own limit, whatever configured it (quarkus.datasource.jdbc.max-size)
        Gauge.builder("yaqaza.datasource.max.connections", dataSource,
                ds -> ds.getConfiguration().connectionPoolConfiguration().maxSize())
                .description("Most connections the pool may open (quarkus.datasource.jdbc.max-size)")
                .tag(DATASOURCE_TAG, "default")
                .register(registry);
    }
}
