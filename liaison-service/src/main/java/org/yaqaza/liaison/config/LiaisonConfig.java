package org.yaqaza.liaison.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** liaison-service settings, under {@code yaqaza.liaison.}. */
@ConfigMapping(prefix = "yaqaza.liaison")
public interface LiaisonConfig {

    /** The agency our STIX output is created by (its identity object). */
    @WithDefault("DGST")
    String owningAgency();

    /** Our name in STIX identity objects. */
    @WithDefault("Yaqaza liaison service")
    String identityName();

    Warnings warnings();

    Outbox outbox();

    Taxii taxii();

    Demo demo();

    interface Warnings {
        @WithDefault("10m")
        Duration flash();

        @WithDefault("1h")
        Duration immediate();

        @WithDefault("6h")
        Duration priority();

        @WithDefault("24h")
        Duration routine();

        /** How often the escalation job looks for overdue warnings (read by the scheduler). */
        @WithDefault("15s")
        String escalationEvery();
    }

    interface Outbox {
        /** How often the dispatcher runs (read by the scheduler). */
        @WithDefault("5s")
        String dispatchEvery();

        @WithDefault("20")
        int batchSize();

        /** First retry delay; doubled on each failure up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();
    }

    interface Taxii {
        @WithDefault("100")
        int defaultPageSize();

        @WithDefault("1000")
        int maxPageSize();

        /** Largest envelope a partner may POST, in objects. */
        @WithDefault("1000")
        int maxObjectsPerEnvelope();
    }

    /** The demo data set ({@code yaqaza.demo.seed}). */
    interface Demo {
        /** How often the demo releases are tried until they are done (read by the scheduler). */
        @WithDefault("3s")
        String releasesEvery();
    }
}
