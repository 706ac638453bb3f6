package org.yaqaza.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the gateway, under {@code yaqaza.gateway.}. */
@ConfigMapping(prefix = "yaqaza.gateway")
public interface GatewayConfig {

    Token token();

    Directory directory();

    Bootstrap bootstrap();

    /** Upstream services by name (intelligence, liaison, prevention); each owns one or more path prefixes. */
    Map<String, Upstream> upstreams();

    Proxy proxy();

    interface Token {
        /** The {@code iss} of every token, and the base of the token and JWKS URLs in the discovery document. */
        @WithDefault("http://localhost:8080")
        String issuer();

        /** The {@code aud} of every token; services accept only this audience. */
        @WithDefault("yaqaza")
        String audience();

        /** Token lifetime; the security model caps it at 15 minutes. */
        @WithDefault("10m")
        Duration lifetime();

        /**
         * Directory of {@code <kid>.pem} files: PKCS#8 (or PKCS#1) RSA private keys, or public keys that are only
         * published (a retired key whose tokens may still be in flight). In production a mounted Secret.
         */
        @WithDefault(".yaqaza/keys")
        Path keyDirectory();

        /** The kid that signs; required when the directory holds more than one private key. */
        Optional<String> signingKeyId();

        /** Creates a 2048-bit key in the directory when it holds no private key (local runs and tests only). */
        @WithDefault("true")
        boolean generateIfMissing();
    }

    interface Directory {
        /** bcrypt cost (log2 rounds) of new hashes; older, cheaper hashes are upgraded at the next login. */
        @WithDefault("12")
        int bcryptCost();

        /** Failed attempts within {@link #lockoutWindow()} that lock an account. */
        @WithDefault("5")
        int lockoutAttempts();

        /** The window over which failures count, and how long the lock then lasts. */
        @WithDefault("15m")
        Duration lockoutWindow();
    }

    interface Bootstrap {
        /** Creates this admin at start if no user has the name (the local launcher uses it). */
        Optional<String> adminUsername();

        Optional<String> adminPassword();

        @WithDefault("YAQAZA")
        String adminAgency();
    }

    interface Upstream {
        /** Base URL, e.g. {@code http://localhost:8081}; a path in it is prefixed to forwarded paths. */
        String url();

        /** Path prefixes forwarded unchanged to this upstream, e.g. {@code /api/liaison,/taxii2}. */
        List<String> paths();

        /** Where the upstream serves its OpenAPI document. */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();
    }

    interface Proxy {
        @WithDefault("5s")
        Duration connectTimeout();

        /** No byte either way for this long fails the exchange (504 if no response has started). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Connections kept per upstream. */
        @WithDefault("100")
        int maxConnections();

        /** Retry-After sent with 503 when an upstream cannot be reached. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
