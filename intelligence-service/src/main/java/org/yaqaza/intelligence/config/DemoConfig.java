package org.yaqaza.intelligence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code yaqaza.demo.seed} (contracts.md). Mapped here because the shared {@code yaqaza} mapping in common does
 * not declare it and SmallRye refuses unmapped properties under a mapped prefix.
 */
@ConfigMapping(prefix = "yaqaza.demo")
public interface DemoConfig {

    /** Seed the fictional demo dataset at startup when the tables are empty. */
    @WithDefault("false")
    boolean seed();
}
