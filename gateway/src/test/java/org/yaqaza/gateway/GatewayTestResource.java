package org.yaqaza.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway's own test setting: a fixed free port (so that the gateway can trust its own issuer through its
 * JWKS URL, as it does in production), a fresh key directory holding one retired public key (the gateway adds
 * its signing key at start), a fake upstream for intelligence and liaison, and a closed port for prevention.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String RETIRED_KID = "retired-2025";
    public static final String ADMIN = "root-admin";
    public static final String ADMIN_PASSWORD = "bootstrap-password-123";
    public static final String SECOND_ADMIN = "root-admin-2";
    public static final String SECOND_ADMIN_PASSWORD = "bootstrap-password-456";

    /** The allowed web origin of the tests' CORS configuration. */
    public static final String WEB_ORIGIN = "https://console.yaqaza.test";

    private static FakeUpstream upstream;
    /** Broken upstreams that count the connections made to them (bounded retries). */
    private static HangingUpUpstream atConnect;
    private static HangingUpUpstream afterRequest;
    /** An upstream that closes keep-alive connections under the gateway, for /api/closing. */
    private static ClosingUpstream closing;
    /** An upstream the tests stop and start again, on a fixed port, for /api/flaky. */
    private static FakeUpstream flaky;
    private static int flakyPort;
    /** Two instances of one service, for /api/replicas (spread and fail-over). */
    private static ReplicaUpstream replicaA;
    private static ReplicaUpstream replicaB;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (upstream == null) {
                upstream = FakeUpstream.start();
                atConnect = HangingUpUpstream.atConnect();
                afterRequest = HangingUpUpstream.afterRequest();
                closing = ClosingUpstream.start();
                flakyPort = freePort();
                flaky = FakeUpstream.start(flakyPort);
                replicaA = new ReplicaUpstream("a", freePort()).start();
                replicaB = new ReplicaUpstream("b", freePort()).start();
                port = freePort();
            }
            Path keys = Files.createTempDirectory("yaqaza-gateway-keys");
            Files.writeString(keys.resolve(RETIRED_KID + ".pem"), retiredPublicKey());
            String base = "http://localhost:" + port;
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.http.test-port", Integer.toString(port));
            config.put("yaqaza.gateway.token.issuer", base);
            config.put("yaqaza.gateway.token.key-directory", keys.toString());
            config.put("yaqaza.security.issuers.gateway.issuer", base);
            config.put("yaqaza.security.issuers.gateway.jwks-url", base + "/auth/jwks");
            config.put("yaqaza.gateway.directory.bcrypt-cost", "10");
            config.put("yaqaza.gateway.bootstrap.admin-username", ADMIN);
            config.put("yaqaza.gateway.bootstrap.admin-password", ADMIN_PASSWORD);
            config.put("yaqaza.gateway.bootstrap.second-admin-username", SECOND_ADMIN);
            config.put("yaqaza.gateway.bootstrap.second-admin-password", SECOND_ADMIN_PASSWORD);
            config.put("yaqaza.gateway.bootstrap.admin-compartments", "CT-NORTH,CT-SOUTH");
            // streams and revocations: other "replicas" are simulated by writing the directory's table directly
            config.put("yaqaza.gateway.directory.revocation-poll", "500ms");
            config.put("yaqaza.gateway.upstreams.intelligence.url", upstream.url());
            config.put("yaqaza.gateway.upstreams.liaison.url", upstream.url());
            config.put("yaqaza.gateway.upstreams.prevention.url", "http://127.0.0.1:" + freePort());
            config.put("yaqaza.gateway.proxy.idle-timeout", "3s");
            config.put("yaqaza.gateway.proxy.retry-after", "7s");
            config.put("yaqaza.gateway.proxy.retries", Integer.toString(RETRIES));
            config.put("yaqaza.gateway.proxy.retry-delay", "20ms");
            config.put("yaqaza.gateway.upstreams.flaky.url", "http://127.0.0.1:" + flakyPort);
            config.put("yaqaza.gateway.upstreams.flaky.paths", "/api/flaky");
            config.put("yaqaza.gateway.upstreams.flaky.connect-timeout", "1s");
            config.put("yaqaza.gateway.proxy.circuit-failure-threshold", "3");
            // every request to these fails: their circuits stay closed so that each request is counted
            config.put("yaqaza.gateway.upstreams.broken-handshake.url", "https://127.0.0.1:" + atConnect.port());
            config.put("yaqaza.gateway.upstreams.broken-handshake.paths", "/api/broken-handshake");
            config.put("yaqaza.gateway.upstreams.broken-handshake.circuit-failure-threshold", "1000");
            config.put("yaqaza.gateway.upstreams.hanging-up.url", "http://127.0.0.1:" + afterRequest.port());
            config.put("yaqaza.gateway.upstreams.hanging-up.paths", "/api/hanging-up");
            config.put("yaqaza.gateway.upstreams.hanging-up.circuit-failure-threshold", "1000");
            config.put("yaqaza.gateway.upstreams.closing.url", "http://127.0.0.1:" + closing.port());
            config.put("yaqaza.gateway.upstreams.closing.paths", "/api/closing");
            config.put("yaqaza.gateway.proxy.circuit-open-duration", "1s");
            config.put("yaqaza.gateway.upstreams.replicas.url", replicaA.url() + "," + replicaB.url());
            config.put("yaqaza.gateway.upstreams.replicas.paths", "/api/replicas");
            config.put("yaqaza.gateway.upstreams.replicas.circuit-failure-threshold", "1000");
            // longer than the stopped-instance phase of ReplicasTest takes on a slow machine (about 50 ms a request)
            config.put("yaqaza.gateway.proxy.instance-down-duration", "5s");
            // uploads of the streaming tests pass; a small limit on one path, a larger one below it
            config.put("yaqaza.gateway.limits.max-body-size", "100M");
            config.put("yaqaza.gateway.limits.routes.small.path", "/api/liaison/limited");
            config.put("yaqaza.gateway.limits.routes.small.max-body-size", "64K");
            config.put("yaqaza.gateway.limits.routes.larger.path", "/api/liaison/limited/bulk");
            config.put("yaqaza.gateway.limits.routes.larger.max-body-size", "256K");
            // tests share one subject and one address: generous limits, except where a test counts
            config.put("yaqaza.gateway.rate-limits.default.burst", "100000");
            config.put("yaqaza.gateway.rate-limits.default.per-second", "100000");
            config.put("yaqaza.gateway.rate-limits.taxii.burst", "3");
            config.put("yaqaza.gateway.rate-limits.taxii.per-second", "0.1");
            config.put("yaqaza.gateway.rate-limits.token.burst", "100000");
            config.put("yaqaza.gateway.rate-limits.token.per-second", "100000");
            config.put("yaqaza.gateway.rate-limits.failed-login.burst", String.valueOf(FAILED_LOGIN_BURST));
            config.put("yaqaza.gateway.rate-limits.failed-login.per-second", "0.01");
            config.put("yaqaza.gateway.cors.origins", WEB_ORIGIN + ",http://localhost:3000");
            // a simulated ingress on its own loopback address: its forwarding headers are believed, nobody else's
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            config.put("quarkus.http.proxy.enable-forwarded-host", "true");
            config.put("quarkus.http.proxy.trusted-proxies", INGRESS);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the fake upstream lives as long as the JVM, like the database
    }

    /** The simulated ingress's address (outside the range other tests pick client addresses from). */
    public static final String INGRESS = "127.0.0.250";

    /** Further connection attempts of an idempotent request (the application's default is 2). */
    public static final int RETRIES = 3;

    /** Refused sign-ins per address before 429 (the other tests, all from 127.0.0.1, stay well below). */
    public static final int FAILED_LOGIN_BURST = 60;

    static ReplicaUpstream replicaA() {
        return replicaA;
    }

    static ReplicaUpstream replicaB() {
        return replicaB;
    }

    public static FakeUpstream flaky() {
        return flaky;
    }

    public static synchronized void restartFlaky() throws IOException {
        flaky = FakeUpstream.start(flakyPort);
    }

    static ClosingUpstream closingUpstream() {
        return closing;
    }

    static HangingUpUpstream hangingUpAtConnect() {
        return atConnect;
    }

    static HangingUpUpstream hangingUpAfterRequest() {
        return afterRequest;
    }

    public static FakeUpstream upstream() {
        return upstream;
    }

    public static String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A port nobody listens on (free now; nothing in the test binds it later). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String retiredPublicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPublic().getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
