package org.yaqaza.intelligence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Cell network analysis ({@code yaqaza.intelligence.network.*}); docs/intelligence.md, "Cell network". */
@ConfigMapping(prefix = "yaqaza.intelligence.network")
public interface NetworkConfig {

    /** Most entities one analysis may hold; a larger network is refused (422) rather than cut. */
    @WithDefault("500")
    int maxNodes();

    /** Most links one analysis may read (members' links, contacts' links among themselves). */
    @WithDefault("2000")
    int maxLinks();

    /** A person of another nationality, or a group affiliated abroad, is "foreign" relative to this country. */
    @WithDefault("MA")
    String homeCountry();
}
