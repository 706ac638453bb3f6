package org.yaqaza.intelligence.screening;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Name screening settings ({@code yaqaza.intelligence.screening.*}); docs/screening.md explains each. */
@ConfigMapping(prefix = "yaqaza.intelligence.screening")
public interface ScreeningConfig {

    /** Default decision threshold: a candidate scoring at least this is a hit (tuned on the evaluation set). */
    @WithDefault("0.77")
    double threshold();

    /** Candidates returned when the request names no limit. */
    @WithDefault("10")
    int defaultLimit();

    /** Most entities the caller may see read per key (single or pair), and again around a queried birth year. */
    @WithDefault("200")
    int pairCap();

    /**
     * Entities scored per query, the best by retrieval weight (never fewer than the candidates asked for): the
     * evaluation set keeps the same recall from 30 up, and each scored entity costs a row fetch and its scoring.
     */
    @WithDefault("60")
    int scored();

    /** Vocabulary keys one edit away that a query part is expanded to. */
    @WithDefault("4")
    int fuzzyExpansions();

    /** Most names in one batch request. */
    @WithDefault("100000")
    int batchMaxNames();

    /** Chunks of names screened at once, all batch requests together (each chunk on its own connection). */
    @WithDefault("2")
    int batchParallelism();

    /**
     * A {@code Server-Timing} header on single screenings (phases, audit, total): for benchmarks only, off by
     * default, since how long retrieval took depends on rows the caller may not see (a side channel).
     */
    @WithDefault("false")
    boolean serverTiming();

    /**
     * With {@code server-timing}: what retrieval read per screening (probes, posting rows, candidates, statements)
     * in the same header, counted by a variant of the retrieval statement — for benchmarks only, off by default.
     */
    @WithDefault("false")
    boolean retrievalStats();
}
