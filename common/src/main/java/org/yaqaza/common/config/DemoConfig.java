package org.yaqaza.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code yaqaza.demo.*}, the same keys in every service: whether the service seeds its fictional demo data. The
 * local launcher sets {@code YAQAZA_DEMO_SEED=true} for the domain services, the dev overlay of {@code k8s/} too.
 */
@ConfigMapping(prefix = "yaqaza.demo")
public interface DemoConfig {

    /** Seed the fictional demo dataset at startup when the service holds none of it yet. */
    @WithDefault("false")
    boolean seed();
}
