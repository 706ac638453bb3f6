package org.yaqaza.intelligence.suggestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Suggested relationships ({@code yaqaza.intelligence.suggestions.*}); docs/intelligence.md explains each. */
@ConfigMapping(prefix = "yaqaza.intelligence.suggestions")
public interface SuggestionConfig {

    /** Reports (visible to the reader) that must name both entities before a link is suggested. */
    @WithDefault("2")
    int minReports();

    /** Suggestions returned when the request names no limit. */
    @WithDefault("50")
    int defaultLimit();
}
