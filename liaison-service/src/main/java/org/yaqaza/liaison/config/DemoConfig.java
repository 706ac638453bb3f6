package org.yaqaza.liaison.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code yaqaza.demo.seed} (env {@code YAQAZA_DEMO_SEED}): seed fictional demo data into empty tables. */
@ConfigMapping(prefix = "yaqaza.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean seed();
}
