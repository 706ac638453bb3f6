package org.yaqaza.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every Yaqaza service, under the {@code yaqaza.} prefix. */
@ConfigMapping(prefix = "yaqaza")
public interface YaqazaConfig {

    /** Short service name, also the second segment of its API prefix ({@code /api/<name>/...}). */
    String service();

    Security security();

    /**
     * The public base URL ({@code https://yaqaza.example.org[:port]}) of every URL this service advertises
     * (discovery documents, Location headers); unset: derived from trusted forwarding headers or the request's
     * Host (common/request/PublicBaseUrl).
     */
    Optional<String> publicBaseUrl();

    interface Security {
        /** Audience every accepted token must carry. */
        @WithDefault("yaqaza")
        String audience();

        /** Allowed clock skew on exp/iat/nbf; the security model caps it at 30 seconds. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Longest token lifetime accepted (exp - iat). */
        @WithDefault("15m")
        Duration maxTokenLifetime();

        /** Tokens longer than this are refused before any parsing. */
        @WithDefault("16384")
        int maxTokenBytes();

        /** Trusted issuers by any local name; each has its own JWKS. */
        Map<String, Issuer> issuers();
    }

    interface Issuer {
        /** Exact {@code iss} value. */
        String issuer();

        /** Where this issuer publishes its keys (JWKS). */
        String jwksUrl();

        /**
         * Dotted path of the claim holding the roles, for identity providers that do not use {@code groups}
         * (Keycloak: {@code realm_access.roles}).
         */
        @WithDefault("groups")
        String rolesClaim();

        /** Optional fixed agency for an external issuer whose tokens carry no {@code agency} claim. */
        Optional<String> defaultAgency();

        /** Extra accepted audiences for this issuer, besides the common one. */
        Optional<List<String>> audiences();
    }
}
