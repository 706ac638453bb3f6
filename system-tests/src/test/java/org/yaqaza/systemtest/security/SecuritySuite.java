package org.yaqaza.systemtest.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.SuiteSettings;

/**
 * The real suite with the demo data and demo accounts, shared by the three matrix classes (authorization, write
 * side, hostile input) and the demo partner's TAXII test, plus what they share: one access token per kind of caller
 * (fetched again for each class; they live 15 minutes, longer than a test class) and a raw HTTP client that sends
 * exactly the bytes a test gives it, through the gateway. Each start with the demo seed boots three services, the
 * gateway, the console and PostgreSQL on the shared cores, so one start serves them all: they run one after another
 * in the order {@link SecuritySuiteOrder} sets (those that need the demo data as seeded first), and each compares
 * only what it created itself or snapshots taken around its own requests. Started by the first of them, stopped
 * when the last has released it; in a run with only some of them, at JVM exit.
 *
 * <p>The gateway's per-subject rate limits are raised for this suite: the tests send thousands of requests as a
 * handful of subjects, and a 429 would hide the answer under test. Rate limiting has its own tests.
 */
public final class SecuritySuite implements AutoCloseable {

    /**
     * Every kind of caller of the matrix: the demo users, a supervisor of the prevention agency (MHAI: prevention
     * staff, unlike the demo supervisor of DGST; created by these tests), the partner system, and nobody.
     */
    static final List<String> CALLERS = List.of("collector", "analyst", "supervisor", "liaison-officer",
            "prevention-officer", "prevention-supervisor", "auditor", "admin", "partner", "anonymous");

    private static final String PREVENTION_SUPERVISOR_PASSWORD = "Systest-prevention-supervisor-2026!";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final LocalSuite suite;
    private final HttpClient http;
    private final ExecutorService executor;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private final Path dataDirectory;

    private SecuritySuite(LocalSuite suite, Path dataDirectory) {
        this.suite = suite;
        this.dataDirectory = dataDirectory;
        this.executor = Executors.newFixedThreadPool(8);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The classes that use the suite, by name: it stops once each has released it. */
    private static final Set<String> USERS = Set.of("org.yaqaza.systemtest.urls.DemoPartnerTaxiiIT",
            "org.yaqaza.systemtest.security.AuthorizationMatrixIT",
            "org.yaqaza.systemtest.security.HostileInputIT", "org.yaqaza.systemtest.security.WriteSideMatrixIT");

    private static final Set<String> released = new HashSet<>();
    private static SecuritySuite shared;

    /** The running suite, started on the first call; the callers' tokens are fresh for the class asking. */
    public static synchronized SecuritySuite acquire(Class<?> user) {
        if (!USERS.contains(user.getName())) {
            throw new IllegalArgumentException(user.getName() + " is not a user of this suite (USERS)");
        }
        if (shared == null) {
            if (released.containsAll(USERS)) {
                throw new IllegalStateException("the security suite was already stopped");
            }
            shared = start("security");
            SecuritySuite started = shared;
            // a run with only some of the users: stopped (and its data removed) at JVM exit
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "yaqaza-security-suite-stop"));
        } else {
            shared.fetchTokens();
        }
        return shared;
    }

    /** The user is done with the suite; the last one stops it and removes its data. */
    public static synchronized void release(Class<?> user) {
        released.add(user.getName());
        if (shared != null && released.containsAll(USERS)) {
            shared.close();
            shared = null;
        }
    }

    private static SecuritySuite start(String name) {
        Path root = Path.of(System.getProperty("yaqaza.repository-root", "..")).toAbsolutePath().normalize();
        Path data;
        try {
            data = Files.createTempDirectory("yaqaza-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SuiteOptions.Builder options = SuiteSettings.common(SuiteOptions.builder(root)).dataDirectory(data).freePorts()
                .readyTimeout(Duration.ofMinutes(8)).demoSeed(true);
        for (SuiteService service : SuiteService.values()) {
            // the demo seed runs in one transaction; on a crowded machine it can outlast the 60 s default
            options.environment(service, "QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "15m");
        }
        // background jobs that rewrite stored rows would race the before/after database snapshots of the hostile
        // input test: retention anonymises demo participants past their date one minute after start
        options.environment(SuiteService.PREVENTION, "YAQAZA_PREVENTION_RETENTION_ENABLED", "false");
        // partner intelligence reaches the intelligence-service within a second instead of five (the write-side
        // matrix waits for two such deliveries)
        options.environment(SuiteService.LIAISON, "YAQAZA_LIAISON_OUTBOX_DISPATCH_EVERY", "1s");
        // the start waits for the demo releases to the demo partner, tried every 3 s by default (1 s in the
        // liaison module tests)
        options.environment(SuiteService.LIAISON, "YAQAZA_LIAISON_DEMO_RELEASES_EVERY", "1s");
        for (String group : List.of("DEFAULT", "TAXII", "PARTNER", "TOKEN", "FAILED_LOGIN")) {
            options.environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_" + group + "_BURST", "1000000");
            options.environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_RATE_LIMITS_" + group + "_PER_SECOND",
                    "1000000");
        }
        SecuritySuite security = new SecuritySuite(LocalSuite.start(options.build()), data);
        security.fetchTokens();
        return security;
    }

    private void fetchTokens() {
        for (String caller : CALLERS) {
            switch (caller) {
                case "anonymous" -> {
                }
                case "prevention-supervisor" -> {
                    if (tokens.containsKey(caller)) {
                        // created for an earlier class of the shared suite
                        tokens.put(caller, suite.token(caller, PREVENTION_SUPERVISOR_PASSWORD));
                        continue;
                    }
                    Map<String, Object> user = new LinkedHashMap<>();
                    user.put("username", caller);
                    user.put("displayName", "Prevention supervisor (system tests)");
                    user.put("password", PREVENTION_SUPERVISOR_PASSWORD);
                    user.put("roles", List.of("supervisor"));
                    user.put("clearance", "SECRET");
                    user.put("compartments", List.of());
                    user.put("agency", "MHAI");
                    user.put("enabled", true);
                    String admin = suite.token("admin", DemoDirectory.demoPassword("admin"));
                    var created = suite.gateway().postJson("/api/admin/users", admin, user);
                    if (created.statusCode() == 202) {
                        // SECRET is above RESTRICTED: the demo's second administrator approves (four-eyes)
                        String change = Json.parse(created.body()) instanceof Map<?, ?> c ? (String) c.get("id") : "";
                        created = suite.gateway().postJson("/api/admin/changes/" + change + "/approve",
                                suite.token("admin-2", DemoDirectory.demoPassword("admin-2")), Map.of());
                    }
                    if (created.statusCode() != 200 && created.statusCode() != 201) {
                        throw new IllegalStateException("creating " + caller + " answered " + created.statusCode());
                    }
                    tokens.put(caller, suite.token(caller, PREVENTION_SUPERVISOR_PASSWORD));
                }
                case "partner" -> tokens.put(caller, suite.gateway()
                        .clientToken(DemoDirectory.PARTNER_CLIENT.clientId(), DemoDirectory.PARTNER_CLIENT_SECRET)
                        .orElseThrow(() -> new IllegalStateException("no token for the partner client")));
                default -> tokens.put(caller, suite.token(caller, DemoDirectory.demoPassword(caller)));
            }
        }
    }

    public LocalSuite suite() {
        return suite;
    }

    String gatewayUrl() {
        return suite.gatewayUrl();
    }

    /** The bearer token of a caller, or empty for {@code anonymous}. */
    Optional<String> token(String caller) {
        if (!CALLERS.contains(caller)) {
            throw new IllegalArgumentException("unknown caller " + caller);
        }
        return Optional.ofNullable(tokens.get(caller));
    }

    /** The caller's clearance as its token states it (the matrix header names it, and this checks it). */
    String clearance(String caller) {
        return token(caller).map(t -> {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(t.split("\\.")[1]),
                    StandardCharsets.UTF_8);
            Object clearance = Json.parse(payload) instanceof Map<?, ?> claims ? claims.get("clearance") : null;
            return clearance == null ? "UNCLASSIFIED" : clearance.toString();
        }).orElse("-");
    }

    /** One HTTP exchange as it came back: status, headers and at most the first 16 MB of the body. */
    record Answer(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            String shown = text();
            return status + " " + contentType + " " + (shown.length() > 600 ? shown.substring(0, 600) + "…" : shown);
        }
    }

    /**
     * Sends a request through the gateway. {@code pathAndQuery} is sent as given (already encoded); {@code body}
     * null means no body. An event stream is closed as soon as its head has arrived.
     */
    Answer send(String method, String pathAndQuery, String caller, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        token(caller).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = type.startsWith("text/event-stream") ? new byte[0] : in.readNBytes(16 * 1024 * 1024);
            }
            return new Answer(response.statusCode(), type, response.headers().map(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " as " + caller + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathAndQuery, String caller) {
        return send("GET", pathAndQuery, caller, null, null, Map.of());
    }

    /** A GET straight to a service, bypassing the gateway (only for documents the gateway does not serve). */
    String getDirect(SuiteService service, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(suite.url(service) + path))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " of " + service + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            suite.stop();
        } finally {
            executor.shutdownNow();
            deleteQuietly(dataDirectory);
        }
    }

    /** The suite's temporary data (database files, logs) once the suite has stopped; kept on -Dyaqaza.keep-data. */
    private static void deleteQuietly(Path directory) {
        if (Boolean.getBoolean("yaqaza.keep-data")) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }
}
