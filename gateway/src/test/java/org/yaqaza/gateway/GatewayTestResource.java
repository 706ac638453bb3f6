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

    private static FakeUpstream upstream;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (upstream == null) {
                upstream = FakeUpstream.start();
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
            config.put("yaqaza.gateway.upstreams.intelligence.url", upstream.url());
            config.put("yaqaza.gateway.upstreams.liaison.url", upstream.url());
            config.put("yaqaza.gateway.upstreams.prevention.url", "http://127.0.0.1:" + freePort());
            config.put("yaqaza.gateway.proxy.idle-timeout", "3s");
            config.put("yaqaza.gateway.proxy.retry-after", "7s");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the fake upstream lives as long as the JVM, like the database
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
