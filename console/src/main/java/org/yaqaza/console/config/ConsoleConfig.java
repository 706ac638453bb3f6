package org.yaqaza.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The console's own settings ({@code yaqaza.console.*}); sign-in and the gateway address are Quarkus settings. */
@ConfigMapping(prefix = "yaqaza.console")
public interface ConsoleConfig {

    /** Rows per page of every list (the services cap it too). */
    @WithDefault("20")
    int pageSize();

    /** How long the language choice is remembered, in days. */
    @WithDefault("365")
    int languageCookieDays();
}
