package org.yaqaza.prevention.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code yaqaza.demo.seed}: fictional demo data at startup (contracts.md). Belongs in common eventually. */
@ConfigMapping(prefix = "yaqaza.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean seed();
}
