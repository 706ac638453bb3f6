package org.yaqaza.intelligence.extraction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Mention extraction settings ({@code yaqaza.intelligence.extraction.*}); docs/intelligence.md explains each. */
@ConfigMapping(prefix = "yaqaza.intelligence.extraction")
public interface ExtractionConfig {

    /** Whether this instance runs extraction workers (the queue is filled either way). */
    @WithDefault("true")
    boolean workers();

    /** How often an idle instance looks for queued reports (workers drain everything due on each look). */
    @WithDefault("1s")
    String pollInterval();

    /** Reports claimed per worker transaction. */
    @WithDefault("100")
    int batchSize();

    /** Workers draining the queue at once on this instance (each on its own connection). */
    @WithDefault("2")
    int parallelism();

    /** Most consecutive words one name may span in a text. */
    @WithDefault("6")
    int maxNameWords();

    /** A span is proposed when it scores at least this against the entity's name (screening's name score). */
    @WithDefault("0.8")
    double minScore();

    /** Most entities read per name key (namesakes beyond it are not proposed for that span). */
    @WithDefault("20")
    int perKeyLimit();

    /** Attempts before a report whose extraction keeps failing leaves the queue (logged, counted). */
    @WithDefault("5")
    int maxAttempts();
}
