package org.yaqaza.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the gateway, under {@code yaqaza.gateway.}. */
@ConfigMapping(prefix = "yaqaza.gateway")
public interface GatewayConfig {

    Token token();

    Directory directory();

    SignIn signIn();

    Bootstrap bootstrap();

    /** Upstream services by name (intelligence, liaison, prevention); each owns one or more path prefixes. */
    Map<String, Upstream> upstreams();

    Proxy proxy();

    /** The officers' web console, forwarded at {@code /console} when its URL is set (docs/console.md). */
    Console console();

    /**
     * Token-bucket rate limits by group. {@code default} covers every forwarded route outside another group;
     * {@code token} is the token endpoint and {@code failed-login} counts its refusals, both per address.
     */
    Map<String, RateLimit> rateLimits();

    Limits limits();

    Health health();

    Cors cors();

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

        /**
         * How long a key may sign after it was made (the date in its kid, else its file's time): the not-after of
         * the exported signing-key metrics, which the rotation alerts watch. Keys carry no expiry of their own.
         */
        @WithDefault("90d")
        Duration rotateAfter();

        PasswordGrant passwordGrant();

        /** How long an authorization code may be redeemed (at most 60 s; it is single-use anyway). */
        @WithDefault("60s")
        Duration codeLifetime();

        /**
         * How long a sign-in's refresh tokens live, counted from the sign-in (rotation does not extend it): after
         * it, the person signs in again.
         */
        @WithDefault("12h")
        Duration refreshLifetime();

        /**
         * The resource owner password grant, which OAuth 2.1 drops: off unless turned on, for the local demo and
         * the tests only. People sign in through the authorization endpoint.
         */
        interface PasswordGrant {
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Directory {
        /** bcrypt cost (log2 rounds) of new hashes; older, cheaper hashes are upgraded at the next login. */
        @WithDefault("12")
        int bcryptCost();

        /**
         * How often each replica reads the entries changed by others (disabled, credential set, claims changed),
         * to refuse their older tokens and close their streams; changes made on this replica apply at once.
         */
        @WithDefault("2s")
        Duration revocationPoll();
    }

    /**
     * Sign-in throttling (token endpoint and TAXII Basic): per account and source address with exponential
     * back-off, and a per-account ceiling that refuses only addresses the account never signed in from. No lock.
     */
    interface SignIn {
        /** Consecutive failures from one address for one account before the back-off starts. */
        @WithDefault("3")
        int freeFailures();

        /** The wait after the first failure past the free ones; it doubles with each further failure. */
        @WithDefault("5s")
        Duration firstDelay();

        /** The longest wait between two attempts from one address for one account. */
        @WithDefault("15m")
        Duration maxDelay();

        /** Failures older than this are forgotten (a quiet day resets an address's back-off). */
        @WithDefault("24h")
        Duration forgetAfter();

        /** Failures of an account within {@link #accountWindow()} beyond which unknown addresses are refused. */
        @WithDefault("20")
        int accountCeiling();

        @WithDefault("1h")
        Duration accountWindow();

        /** How long an address the account signed in from stays known (exempt from the ceiling). */
        @WithDefault("90d")
        Duration rememberAddresses();
    }

    /**
     * The first administrators, created at start by the system when no user has their name (the local launcher
     * uses them). Two, because granting clearance or compartments needs a second administrator (four-eyes).
     */
    interface Bootstrap {
        Optional<String> adminUsername();

        Optional<String> adminPassword();

        /** The second first administrator, who approves the first one's requests and the other way round. */
        Optional<String> secondAdminUsername();

        Optional<String> secondAdminPassword();

        /** Their clearance: nobody grants above their own, so the first administrators hold the most. */
        @WithDefault("TOP_SECRET")
        String adminClearance();

        /** Their compartments: every compartment they will have to grant. */
        Optional<List<String>> adminCompartments();

        @WithDefault("YAQAZA")
        String adminAgency();
    }

    interface Upstream {
        /**
         * Base URL, e.g. {@code http://localhost:8081}; a path in it is prefixed to forwarded paths. Several
         * instances of the service (replicas): their base URLs separated by commas, used in turn.
         */
        String url();

        /** Path prefixes forwarded unchanged to this upstream, e.g. {@code /api/liaison,/taxii2}. */
        List<String> paths();

        /** Where the upstream serves its OpenAPI document. */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();

        /** Where the upstream answers its readiness (aggregated into the gateway's). */
        @WithDefault("/q/health/ready")
        String healthPath();

        /** Overrides {@code proxy.connect-timeout} for this upstream. */
        Optional<Duration> connectTimeout();

        /** Overrides {@code proxy.idle-timeout} for this upstream. */
        Optional<Duration> idleTimeout();

        /** Overrides {@code proxy.circuit-failure-threshold} for this upstream. */
        Optional<Integer> circuitFailureThreshold();
    }

    interface RateLimit {
        /** Path prefixes of this group (forwarded routes); none for {@code default}, {@code failed-login}. */
        Optional<List<String>> paths();

        /** Requests allowed at once (the bucket's size). */
        int burst();

        /** Tokens added back per second (the sustained rate). */
        double perSecond();
    }

    interface Limits {
        /** Largest request body on a route without its own limit (counted as it streams, not only declared). */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Larger limits for some paths (exact path or prefix), e.g. bulk ingest. */
        Map<String, RouteLimit> routes();

        /**
         * Largest sum of header lines; above it a 431 problem. Must be below {@code quarkus.http.limits
         * .max-header-size}, where Vert.x itself refuses the request with a bare 431.
         */
        @WithDefault("24K")
        MemorySize maxHeaderSize();
    }

    interface RouteLimit {
        String path();

        MemorySize maxBodySize();
    }

    interface Health {
        /** How long the readiness check waits for each upstream's readiness. */
        @WithDefault("2s")
        Duration upstreamTimeout();

        /** Whether one upstream down makes the gateway not ready (default: ready, reported as degraded). */
        @WithDefault("false")
        boolean requireAllUpstreams();

        /** How long the dashboard waits for each service's statistics. */
        @WithDefault("5s")
        Duration dashboardTimeout();
    }

    /**
     * Cross-origin requests from browsers, answered at the edge (preflights never reach a service). Requests from
     * the gateway's own origin (Swagger UI) are always allowed.
     */
    interface Cors {
        /** The internal web apps' origins, {@code scheme://host[:port]}; none: same-origin only. */
        Optional<List<String>> origins();

        /** Methods a preflight may ask for. */
        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS")
        List<String> methods();

        /** Request headers a preflight may ask for (case-insensitive). */
        @WithDefault("Authorization,Content-Type,Accept,Accept-Language,If-Match,If-None-Match,Idempotency-Key,"
                + "X-Request-ID,traceparent,tracestate")
        List<String> headers();

        /** Response headers a browser script may read besides the CORS-safelisted ones. */
        @WithDefault("X-Request-ID,ETag,Location,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset")
        List<String> exposedHeaders();

        /** How long a browser may reuse a preflight answer. */
        @WithDefault("10m")
        Duration maxAge();

        /**
         * Whether browsers may send cookies or browser-managed credentials. Off: the suite's tokens travel in the
         * Authorization header, which a script sets itself and which needs no credentials mode.
         */
        @WithDefault("false")
        boolean allowCredentials();
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

        /**
         * How long an idle pooled connection to an upstream is kept (whole seconds, at least 1). Must be shorter
         * than the services' {@code quarkus.http.idle-timeout}, so that the gateway, not the service, closes idle
         * connections and never sends a request on one the service is closing.
         */
        @WithDefault("30s")
        Duration keepAliveTimeout();

        /** Retry-After sent with 503 when an upstream cannot be reached. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Further connection attempts for idempotent requests (only before any byte has been sent). */
        @WithDefault("2")
        int retries();

        /** Pause before each further attempt. */
        @WithDefault("50ms")
        Duration retryDelay();

        /** Consecutive failures (unreachable, timed out, 502-504) that open an upstream's circuit. */
        @WithDefault("5")
        int circuitFailureThreshold();

        /** How long an open circuit refuses at once before letting one trial request through. */
        @WithDefault("10s")
        Duration circuitOpenDuration();

        /**
         * How long an instance of an upstream with several ({@code url=http://a,http://b}) is skipped after a
         * connection to it failed; requests go to the others meanwhile.
         */
        @WithDefault("5s")
        Duration instanceDownDuration();
    }

    interface Console {
        /**
         * Where the console runs, e.g. {@code http://localhost:8084}. Its pages carry no bearer token (it signs
         * users in itself, with the authorization code flow at this gateway), so the edge does not ask for one.
         */
        Optional<String> url();
    }
}
