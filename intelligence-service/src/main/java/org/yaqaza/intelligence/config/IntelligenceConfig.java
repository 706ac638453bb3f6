package org.yaqaza.intelligence.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the intelligence service ({@code yaqaza.intelligence.*}). */
@ConfigMapping(prefix = "yaqaza.intelligence")
public interface IntelligenceConfig {

    Bulk bulk();

    Graph graph();

    Alerts alerts();

    Search search();

    interface Bulk {
        /** Reports per INSERT and per transaction. */
        @WithDefault("500")
        int batchSize();

        /** A batch is also flushed when its titles and bodies reach this many characters. */
        @WithDefault("8000000")
        long batchChars();

        /**
         * Batches stored at once, all ingests together, each in its own transaction on its own connection:
         * PostgreSQL builds the full-text documents inside the INSERT, one core per statement.
         */
        @WithDefault("2")
        int parallelism();

        /**
         * Ingests read at once (each holds a parser thread while its body arrives); one more is refused with 429
         * and Retry-After, so that a client retries (with its Idempotency-Key) instead of waiting unseen.
         */
        @WithDefault("4")
        int maxConcurrentIngests();

        /** Longest accepted NDJSON line; longer ones are reported and skipped. */
        @WithDefault("2200000")
        int maxLineBytes();
    }

    interface Graph {
        /** Most nodes a neighbourhood may return; beyond it the request is refused (422) rather than cut. */
        @WithDefault("500")
        int maxNodes();

        /** Most edges a neighbourhood may return. */
        @WithDefault("2000")
        int maxEdges();

        /** Longest path searched between two entities. */
        @WithDefault("6")
        int maxPathLength();

        /** Most entities one breadth-first frontier may hold while searching a path. */
        @WithDefault("20000")
        int maxFrontier();
    }

    interface Search {
        /** Most visible matches ranked per query (the first found, in storage order, when more match). */
        @WithDefault("2000")
        int maxCandidates();
    }

    interface Alerts {
        /** How often a stream looks for alerts created by other instances. */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
