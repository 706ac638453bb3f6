package org.yaqaza.prevention.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the prevention service, under {@code yaqaza.prevention.}. */
@ConfigMapping(prefix = "yaqaza.prevention")
public interface PreventionConfig {

    /**
     * Base64 of the 32-byte AES key that encrypts participant identities (a Kubernetes Secret in production,
     * {@code YAQAZA_PREVENTION_IDENTITY_KEY}). Required: the service does not start without it.
     */
    String identityKey();

    /** Identifier stored with every ciphertext, so a rotated key can be told from the current one. */
    @WithDefault("k1")
    String identityKeyId();

    /** Earlier keys by id, still able to decrypt values written before a rotation. */
    Map<String, String> previousIdentityKeys();

    /** The agency that runs prevention: its supervisors are the ones who approve referrals and handovers. */
    @WithDefault("MHAI")
    String agency();

    Retention retention();

    Evaluation evaluation();

    interface Evaluation {
        /**
         * Fewest people an evaluation figure may count when its reader may not see the participants behind it
         * (intelligence roles, auditors): below it the figure is suppressed (issue 16, docs/prevention.md).
         */
        @WithDefault("10")
        int minimumCohort();

        /**
         * Evaluations kept in memory (least recently used out), each valid only for the data version it was
         * computed from (docs/prevention.md, "Evaluation cache"); 0 turns the cache off.
         */
        @WithDefault("8")
        int cacheEntries();
    }

    interface Retention {
        /** Personal data is anonymised this many months after the end of follow-up. */
        @WithDefault("60")
        int months();

        /** How often the anonymisation job runs. */
        @WithDefault("24h")
        Duration every();

        /** Switch for the scheduled job (tests run it explicitly). */
        @WithDefault("true")
        boolean enabled();
    }
}
