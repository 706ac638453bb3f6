package org.yaqaza.systemtest.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaqaza.launcher.Ports;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * A real Keycloak from its distribution ({@code bin/kc.sh start-dev}) for one test class: listening on 127.0.0.1
 * only, on a free port, over plain HTTP, its dev-file (H2) database in the given directory, with a bootstrap
 * admin whose password is generated for this run. Realms are created through the admin API.
 * {@link #close()} stops the whole process tree (kc.sh and the JVM it starts): SIGTERM, then SIGKILL, and fails
 * when any of it is still alive or the port still taken. A JVM shutdown hook kills the tree if the test JVM
 * exits without closing (a killed Maven run).
 */
final class KeycloakServer implements AutoCloseable {

    private static final String ADMIN = "yaqaza-test-admin";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path log;
    private final int port;
    private final String adminPassword;
    private final Process process;
    private final Thread killOnExit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private KeycloakServer(Path log, int port, String adminPassword, Process process) {
        this.log = log;
        this.port = port;
        this.adminPassword = adminPassword;
        this.process = process;
        this.killOnExit = new Thread(() -> processTree().forEach(ProcessHandle::destroyForcibly), "keycloak-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts Keycloak and returns at once (see {@link #awaitReady}), so that the caller can start other things
     * meanwhile. Keycloak runs on the test's own JDK (26.x needs Java 17 or newer).
     */
    static KeycloakServer start(Path home, Path dataDirectory) {
        Path script = home.resolve("bin").resolve("kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("no Keycloak distribution at " + home + ": run with -Pkeycloak,"
                    + " which unpacks org.keycloak:keycloak-quarkus-dist there before the system tests");
        }
        int port = Ports.freePort();
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String adminPassword = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(dataDirectory);
            Path log = dataDirectory.resolve("keycloak.log");
            List<String> command = List.of("bash", script.toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-enabled=true",
                    "--hostname-strict=false",
                    // dev-file is H2 on disk; this run's database lives in the temporary directory, not in the
                    // distribution (and so do the transaction logs)
                    "--db=dev-file", "--db-url=jdbc:h2:file:" + dataDirectory.resolve("h2").resolve("keycloakdb")
                            + ";NON_KEYWORDS=VALUE",
                    "-Dquarkus.transaction-manager.object-store.directory=" + dataDirectory.resolve("transactions"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dataDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.remove("JAVA_OPTS");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            return new KeycloakServer(log, port, adminPassword, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** Waits until the master realm answers; fails early (with the log's tail) when Keycloak exits. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + log + ":\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Keycloak was not ready within " + timeout + "; last lines of "
                        + log + ":\n" + tail());
            }
            Gateway.sleep(500);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of the realm's tokens (derived from the request's host: no fixed hostname in dev mode). */
    String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    String jwksUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    /** Creates a realm from its JSON representation (a realm export) with the admin API. */
    void createRealm(String representation) {
        HttpResponse<String> created = admin("POST", "/admin/realms", representation);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a realm answered " + created.statusCode() + ": "
                    + created.body());
        }
    }

    /** A call to the admin REST API as the bootstrap admin; {@code json} null sends no body. */
    HttpResponse<String> admin(String method, String path, String json) {
        String admin = token(tokenForm("master", "admin-cli", Map.of("grant_type", "password", "username", ADMIN,
                "password", adminPassword)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + admin);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return send(request);
    }

    /** An access token of a realm's user, from the token endpoint (password grant, public client). */
    String passwordToken(String realm, String clientId, String username, String password) {
        return token(tokenForm(realm, clientId, Map.of("grant_type", "password", "username", username,
                "password", password)));
    }

    /** An access token of a confidential client's service account (client credentials grant). */
    String clientToken(String realm, String clientId, String secret) {
        return token(tokenForm(realm, clientId, Map.of("grant_type", "client_credentials",
                "client_secret", secret)));
    }

    private HttpRequest.Builder tokenForm(String realm, String clientId, Map<String, String> fields) {
        String form = Stream.concat(Stream.of(Map.entry("client_id", clientId)), fields.entrySet().stream())
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private String token(HttpRequest.Builder request) {
        HttpResponse<String> answer = send(request);
        Object token = answer.statusCode() == 200 && Json.parse(answer.body()) instanceof Map<?, ?> body
                ? body.get("access_token") : null;
        if (token == null) {
            throw new IllegalStateException("Keycloak's token endpoint answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return token.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kc.sh and everything it started (the Keycloak JVM), as they are now. */
    private List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** Stops the process tree; throws if any of it survives SIGKILL or the port is still taken. */
    @Override
    public void close() {
        List<ProcessHandle> tree = processTree();
        // SIGTERM to all: kc.sh forwards it too, and Keycloak shuts down cleanly
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Gateway.sleep(200);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
            Gateway.sleep(100);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
        List<Long> left = tree.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        if (!left.isEmpty()) {
            throw new IllegalStateException("Keycloak processes still alive after SIGKILL: " + left);
        }
        if (!Ports.isFree(port)) {
            throw new IllegalStateException("Keycloak's port " + port + " is still taken after it stopped");
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }
}
