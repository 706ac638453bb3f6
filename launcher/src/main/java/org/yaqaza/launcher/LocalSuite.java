package org.yaqaza.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole suite on one machine: an embedded PostgreSQL 17 with one database per service, the gateway and the
 * three domain services as child JVMs configured through environment variables, and the demo accounts. Used by
 * {@code ./yaqaza up}, the start-up benchmark and the system tests.
 *
 * <pre>{@code
 * try (LocalSuite suite = LocalSuite.start(SuiteOptions.builder(root).freePorts().dataDirectory(tmp).build())) {
 *     String token = suite.token("analyst", DemoDirectory.demoPassword("analyst"));
 *     ... suite.gatewayUrl() ...
 * }
 * }</pre>
 *
 * Everything it keeps lives under the data directory: {@code postgres/} (the cluster), {@code secrets/}
 * (database passwords, bootstrap admins, service client secret, partner key, prevention identity key; generated
 * once), {@code keys/} (the gateway's signing keys), {@code logs/<service>.log} and {@code run/} (pids while running).
 */
public final class LocalSuite implements AutoCloseable {

    /** The launcher's own admin account in the gateway, with a generated password (see secrets/admin.properties). */
    public static final String BOOTSTRAP_ADMIN = "suite-admin";

    /**
     * The launcher's second admin account: granting clearance, compartments or the admin role needs a second
     * administrator (four-eyes), so this one approves what {@link #BOOTSTRAP_ADMIN} asks for the demo directory.
     */
    public static final String BOOTSTRAP_SECOND_ADMIN = "suite-admin-2";
    static final String ADMIN_COMPARTMENTS_VARIABLE = "YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_COMPARTMENTS";
    /** glibc malloc arenas of each service JVM (local suite only: docs/local-suite.md says why not in k8s). */
    static final String MALLOC_ARENA_MAX = "2";

    /** Extra time to stop for JVMs that write their class-data sharing archive on exit. */
    static final Duration RECORDING_GRACE = Duration.ofSeconds(90);

    private final SuiteOptions options;
    private final Secrets secrets;
    private final HttpClient http;
    private final Map<SuiteService, ServiceProcess> processes = new EnumMap<>(SuiteService.class);
    /** The second and further instances of the domain services ({@link SuiteOptions#replicas()}). */
    private final List<ServiceProcess> replicaProcesses = Collections.synchronizedList(new ArrayList<>());
    private final Map<SuiteService, EmbeddedDatabase.ServiceDatabase> serviceDatabases =
            new EnumMap<>(SuiteService.class);
    private final Set<SuiteService> recordingArchives = Collections.synchronizedSet(EnumSet.noneOf(SuiteService.class));
    private final RunState runState;
    private EmbeddedDatabase database;
    private Thread shutdownHook;
    private boolean stopped;

    private LocalSuite(SuiteOptions options) {
        this.options = options;
        this.secrets = new Secrets(options.secretsDirectory());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.runState = new RunState(options.runDirectory());
    }

    /** Starts everything and returns once every service is ready and the demo accounts exist. */
    public static LocalSuite start(SuiteOptions options) {
        return create(options).launch();
    }

    /**
     * A suite that is not started yet: lets a caller hold it (e.g. in a shutdown hook) before {@link #launch()},
     * so that {@link #stop()} can interrupt a start in progress.
     */
    public static LocalSuite create(SuiteOptions options) {
        return new LocalSuite(options);
    }

    /** Starts everything; on any failure, stops what was started and throws. */
    public LocalSuite launch() {
        try {
            startAll();
            return this;
        } catch (RuntimeException | Error e) {
            boolean interrupted = isStopped();
            stop();
            if (interrupted) {
                throw new LauncherException("stopped while starting", e);
            }
            throw e;
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** Fails the start when {@link #stop()} was called meanwhile (Ctrl-C or `down` during the start). */
    private synchronized void checkNotStopped() {
        if (stopped) {
            throw new LauncherException("stopped while starting");
        }
    }

    private void startAll() {
        for (SuiteService service : SuiteService.values()) {
            if (!Files.isRegularFile(service.runJar(options.repositoryRoot()))) {
                throw new LauncherException(service.module() + " is not built (" + service.runJar(
                        options.repositoryRoot()) + " is missing): run `mvn -DskipTests install` in "
                        + options.repositoryRoot() + " (./yaqaza up does it for you)");
            }
        }
        Ports.requireFree(options.postgresPort(), "embedded PostgreSQL");
        for (SuiteService service : SuiteService.values()) {
            for (int port : options.ports(service)) {
                Ports.requireFree(port, service.module());
            }
        }
        try {
            Files.createDirectories(options.logDirectory());
            Secrets.createPrivateDirectory(options.keyDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + options.dataDirectory(), e);
        }
        if (options.stopOnJvmExit()) {
            shutdownHook = new Thread(this::stop, "yaqaza-suite-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        progress("starting PostgreSQL 17 on port " + options.postgresPort() + " (data in "
                + options.postgresDirectory() + ")");
        EmbeddedDatabase started = EmbeddedDatabase.start(options.postgresDirectory(), options.postgresPort(), false);
        synchronized (this) {
            if (stopped) {
                started.close(); // stop() ran while PostgreSQL was starting and could not see it
                throw new LauncherException("stopped while starting");
            }
            database = started;
        }
        runState.put("postgres.port", options.postgresPort());
        Map<SuiteService, EmbeddedDatabase.ServiceDatabase> databases = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            if (!service.hasDatabase()) {
                continue;
            }
            databases.put(service, database.ensureServiceDatabase(service.id(),
                    secrets.value("database", service.id() + ".owner-password", Secrets::randomPassword),
                    secrets.value("database", service.id() + ".app-password", Secrets::randomPassword)));
        }
        serviceDatabases.putAll(databases);

        Instant deadline = Instant.now().plus(options.readyTimeout());
        if (options.sequentialStart()) {
            for (SuiteService service : SuiteService.values()) {
                launch(service, databases.get(service));
                processes.get(service).awaitReady(deadline, options.readyPollInterval());
                progress(service.id() + " ready");
            }
        } else {
            for (SuiteService service : SuiteService.values()) {
                launch(service, databases.get(service));
            }
            awaitAllReady(deadline);
        }
        checkNotStopped();
        if (options.demoDirectory()) {
            progress("creating the demo users and clients (if missing)");
            GatewayClient gateway = gateway();
            DemoDirectory.ensure(gateway, gateway.passwordToken(BOOTSTRAP_ADMIN, bootstrapAdminPassword()),
                    gateway.passwordToken(BOOTSTRAP_SECOND_ADMIN, bootstrapSecondAdminPassword()),
                    adminCompartments(), liaisonServiceClientSecret(), partnerPrivateKey(), gatewayUrl(),
                    this::progress);
            if (options.demoSeed()) {
                // the liaison demo releases need intelligence's products and liaison's client, created just above
                progress("waiting for the demo releases to the demo partner");
                ServiceProcess liaison = processes.get(SuiteService.LIAISON);
                try {
                    liaison.awaitHealth("/q/health/group/demo", "done with its demo data",
                            Instant.now().plus(options.readyTimeout()), options.readyPollInterval());
                } catch (LauncherException e) {
                    if (!liaison.isAlive()) {
                        throw e;
                    }
                    // a data directory seeded before the demo releases existed has no product for them: the suite
                    // works, only the demo partner's TAXII collection stays empty (docs/local-suite.md)
                    progress("warning: no demo releases to the demo partner yet; see " + liaison.logFile());
                }
            }
        }
        if (options.replicas() > 1) {
            startReplicas(databases);
        }
    }

    /**
     * The further instances of each domain service, on the same databases as the first: started once the first ones
     * are ready (their migrations applied, the demo data seeded), so that the replicas only find what is there.
     */
    private void startReplicas(Map<SuiteService, EmbeddedDatabase.ServiceDatabase> databases) {
        List<ServiceProcess> started = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            if (!service.isDomainService()) {
                continue;
            }
            List<Integer> ports = options.ports(service);
            for (int index = 1; index < ports.size(); index++) {
                int port = ports.get(index);
                Path log = options.logFile(service, index);
                ServiceProcess process = new ServiceProcess(service, port, log, http);
                synchronized (this) {
                    checkNotStopped();
                    replicaProcesses.add(process);
                }
                progress("starting " + service.module() + " instance " + (index + 1) + " on port " + port
                        + " (log: " + log + ")");
                Map<String, String> env = environment(service, databases.get(service));
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                process.start(new ArrayList<>(options.jvmOptions()), service.runJar(options.repositoryRoot()), env,
                        options.dataDirectory());
                runState.put(service.id() + "-" + (index + 1) + ".pid", process.pid());
                runState.put(service.id() + "-" + (index + 1) + ".port", port);
                started.add(process);
            }
        }
        Instant deadline = Instant.now().plus(options.readyTimeout());
        for (ServiceProcess process : started) {
            process.awaitReady(deadline, options.readyPollInterval());
            progress(process.service().id() + " instance on port " + process.port() + " ready");
        }
        checkNotStopped();
    }

    private void launch(SuiteService service, EmbeddedDatabase.ServiceDatabase db) {
        ServiceProcess process = new ServiceProcess(service, options.port(service), options.logFile(service), http);
        synchronized (this) {
            checkNotStopped();
            processes.put(service, process);
        }
        progress("starting " + service.module() + " on port " + options.port(service) + " (log: "
                + options.logFile(service) + ")");
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
        jvmOptions.addAll(classDataSharing(service));
        process.start(jvmOptions, service.runJar(options.repositoryRoot()), environment(service, db),
                options.dataDirectory());
        synchronized (this) {
            if (stopped) {
                // stop() ran between registering and starting this process, and could not see it running
                process.requestStop();
                process.awaitStop(options.stopTimeout());
                throw new LauncherException("stopped while starting");
            }
        }
        runState.put(service.id() + ".pid", process.pid());
        runState.put(service.id() + ".port", options.port(service));
    }

    private void awaitAllReady(Instant deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(processes.size(), runnable -> {
            Thread thread = new Thread(runnable, "yaqaza-ready");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<SuiteService, Future<?>> waits = new LinkedHashMap<>();
            processes.forEach((service, process) -> waits.put(service, pool.submit(() -> {
                process.awaitReady(deadline, options.readyPollInterval());
                progress(service.id() + " ready");
            })));
            for (Future<?> wait : waits.values()) {
                try {
                    wait.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new LauncherException(e.getCause().toString(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LauncherException("interrupted while waiting for the services");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * JVM flags for application class-data sharing: use the service's archive when it is newer than every file
     * of the built application, otherwise record a new one when this run stops (see {@link #keepNewArchives()}).
     */
    private List<String> classDataSharing(SuiteService service) {
        if (!options.appCds()) {
            return List.of();
        }
        Path archive = options.cdsArchive(service);
        Path recording = recording(archive);
        // the dump's warnings about classes it skips are noise in the service log
        String quiet = "-Xlog:cds=off,cds+dynamic=off";
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(recording);
            Path application = service.runJar(options.repositoryRoot()).getParent();
            if (Files.exists(archive)
                    && Files.getLastModifiedTime(archive).toMillis() > newestFile(application)) {
                return List.of("-XX:SharedArchiveFile=" + archive, quiet);
            }
            Files.deleteIfExists(archive);
            recordingArchives.add(service);
            return List.of("-XX:ArchiveClassesAtExit=" + recording, quiet);
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // sharing is an optimisation: without it the service starts all the same
        }
    }

    private static Path recording(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".recording");
    }

    private static long newestFile(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max().orElse(Long.MAX_VALUE);
        }
    }

    /**
     * Keeps an archive recorded during this run only when its JVM had become ready and then stopped normally: a
     * JVM killed in the middle of the dump leaves a file that must not be used.
     */
    private void keepNewArchives() {
        processes.forEach((service, process) -> {
            Path archive = options.cdsArchive(service);
            Path recording = recording(archive);
            try {
                if (Files.exists(recording)) {
                    long exit = process.exitCode().orElse(-1);
                    // a JVM stopped before it was ready recorded only part of the classes a start needs
                    if ((exit == 0 || exit == 143) && process.readyAfter() != null) {
                        Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.delete(recording);
                    }
                }
            } catch (IOException e) {
                // next start records again
            }
        });
    }

    /**
     * The compartments of the first and the demo administrators: the demo's, or what the caller configured for the
     * gateway (a system test whose hidden world lives in a compartment of its own needs administrators who hold it,
     * since nobody grants a compartment they lack).
     */
    List<String> adminCompartments() {
        String configured = options.extraEnvironment(SuiteService.GATEWAY).get(ADMIN_COMPARTMENTS_VARIABLE);
        return configured == null ? DemoDirectory.ALL_COMPARTMENTS : List.of(configured.split(","));
    }

    /** Configuration of one service, all through the standard environment variables (as in Kubernetes). */
    Map<String, String> environment(SuiteService service, EmbeddedDatabase.ServiceDatabase db) {
        Map<String, String> env = new LinkedHashMap<>();
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core, 64 MB reserved each):
        // two keep the native memory of a small JVM in check (docs/local-suite.md, "JVM flags")
        env.put("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(options.port(service)));
        env.put("QUARKUS_HTTP_HOST", options.bindAddress());
        if (db != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", db.appUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", db.appPassword());
            env.put("QUARKUS_FLYWAY_USERNAME", db.ownerUser());
            env.put("QUARKUS_FLYWAY_PASSWORD", db.ownerPassword());
        }
        String issuer = gatewayUrl();
        env.put("YAQAZA_SECURITY_ISSUERS_BUILTIN_ISSUER", issuer);
        env.put("YAQAZA_SECURITY_ISSUERS_BUILTIN_JWKS_URL", issuer + "/auth/jwks");
        switch (service) {
            case GATEWAY -> {
                env.put("YAQAZA_GATEWAY_TOKEN_ISSUER", issuer);
                env.put("YAQAZA_GATEWAY_TOKEN_KEY_DIRECTORY", options.keyDirectory().toString());
                // the local demo and the system tests sign in with the password grant (off in production)
                env.put("YAQAZA_GATEWAY_TOKEN_PASSWORD_GRANT_ENABLED", "true");
                env.put("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN);
                env.put("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_PASSWORD", bootstrapAdminPassword());
                env.put("YAQAZA_GATEWAY_BOOTSTRAP_SECOND_ADMIN_USERNAME", BOOTSTRAP_SECOND_ADMIN);
                env.put("YAQAZA_GATEWAY_BOOTSTRAP_SECOND_ADMIN_PASSWORD", bootstrapSecondAdminPassword());
                // nobody grants above their own: the first administrators hold what the demo accounts get
                env.put("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_CLEARANCE", "TOP_SECRET");
                env.put(ADMIN_COMPARTMENTS_VARIABLE, String.join(",", DemoDirectory.ALL_COMPARTMENTS));
                for (SuiteService upstream : SuiteService.values()) {
                    if (upstream.isDomainService()) {
                        // every instance of the service: the gateway takes them in turn (docs/gateway.md)
                        env.put("YAQAZA_GATEWAY_UPSTREAMS_" + upstream.name() + "_URL",
                                String.join(",", options.urls(upstream)));
                    }
                }
                env.put("YAQAZA_GATEWAY_CONSOLE_URL", options.url(SuiteService.CONSOLE));
            }
            case CONSOLE -> {
                // sign-in and every API call go through the gateway, at the address browsers use
                env.put("YAQAZA_CONSOLE_GATEWAY_URL", issuer);
                env.put("YAQAZA_CONSOLE_SESSION_SECRET", consoleSessionSecret());
            }
            case LIAISON -> {
                // liaison reads products and delivers partner reports to intelligence with its own service token
                env.put("QUARKUS_REST_CLIENT_INTELLIGENCE_URL", options.url(SuiteService.INTELLIGENCE));
                env.put("QUARKUS_OIDC_CLIENT_TOKEN_PATH", issuer + "/auth/token");
                env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", DemoDirectory.LIAISON_SERVICE_CLIENT.clientId());
                env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", liaisonServiceClientSecret());
            }
            case PREVENTION -> env.put("YAQAZA_PREVENTION_IDENTITY_KEY", preventionIdentityKey());
            default -> {
            }
        }
        if (service.isDomainService()) {
            env.put("YAQAZA_DEMO_SEED", Boolean.toString(options.demoSeed()));
        }
        env.putAll(options.extraEnvironment(service));
        return env;
    }

    /**
     * Stops the services (SIGTERM to all at once, killed after the stop timeout), then PostgreSQL. Safe to call
     * more than once and from a shutdown hook.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!processes.isEmpty()) {
            progress("stopping the services");
        }
        processes.values().forEach(ServiceProcess::requestStop);
        List<ServiceProcess> replicas;
        synchronized (replicaProcesses) {
            replicas = new ArrayList<>(replicaProcesses);
        }
        replicas.forEach(ServiceProcess::requestStop);
        Duration timeout = options.stopTimeout();
        if (!recordingArchives.isEmpty()) {
            // a JVM writes its class-data archive as it exits: seconds on an idle machine, much more on a busy one
            progress("writing class-data sharing archives (only after a build; the next starts are faster)");
            timeout = timeout.plus(RECORDING_GRACE);
        }
        Instant deadline = Instant.now().plus(timeout);
        processes.values().forEach(process -> process.awaitStop(
                Duration.between(Instant.now(), deadline).isNegative() ? Duration.ZERO
                        : Duration.between(Instant.now(), deadline)));
        replicas.forEach(process -> process.awaitStop(
                Duration.between(Instant.now(), deadline).isNegative() ? Duration.ZERO
                        : Duration.between(Instant.now(), deadline)));
        keepNewArchives();
        if (database != null) {
            progress("stopping PostgreSQL");
            try {
                database.close();
            } catch (RuntimeException e) {
                progress("PostgreSQL stop reported: " + e.getMessage());
            }
        }
        runState.clear();
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }

    /**
     * Kills one service's JVM at once (SIGKILL: no shutdown hook, no graceful drain), as a crash would, and waits
     * until it has exited. The rest of the suite keeps running; {@link #startService} brings it back. For fault tests.
     */
    public void killService(SuiteService service) {
        ServiceProcess process = runningProcess(service);
        progress("killing " + service.id() + " (pid " + process.pid() + ")");
        process.kill(options.stopTimeout());
    }

    /** Stops one service gracefully (SIGTERM, killed after the stop timeout); the rest keeps running. */
    public void stopService(SuiteService service) {
        ServiceProcess process = runningProcess(service);
        progress("stopping " + service.id());
        process.requestStop();
        process.awaitStop(options.stopTimeout());
    }

    /**
     * Starts a service that was killed or stopped again, with the same port, configuration and log file, and waits
     * until it is ready (within the ready timeout). Nothing else is restarted.
     */
    public void startService(SuiteService service) {
        ServiceProcess old;
        synchronized (this) {
            requireRunning();
            old = processes.get(service);
        }
        if (old == null || old.isAlive()) {
            throw new LauncherException(service.id() + " is " + (old == null ? "not part of this suite" : "running"));
        }
        launch(service, serviceDatabases.get(service));
        processes.get(service).awaitReady(Instant.now().plus(options.readyTimeout()), options.readyPollInterval());
        progress(service.id() + " ready");
    }

    private synchronized void requireRunning() {
        if (stopped) {
            throw new LauncherException("the suite has been stopped");
        }
    }

    private synchronized ServiceProcess runningProcess(SuiteService service) {
        requireRunning();
        ServiceProcess process = processes.get(service);
        if (process == null || !process.isAlive()) {
            throw new LauncherException(service.id() + " is not running");
        }
        return process;
    }

    /**
     * Stops PostgreSQL (fast shutdown: sessions are cut, committed data is kept) while the services keep running.
     * For fault tests; {@link #startDatabase()} starts it again.
     */
    public synchronized void stopDatabase() {
        requireRunning();
        if (database == null) {
            throw new LauncherException("PostgreSQL is not running");
        }
        progress("stopping PostgreSQL");
        database.close();
        database = null;
    }

    /** Starts PostgreSQL again on the same port and data directory after {@link #stopDatabase()}. */
    public synchronized void startDatabase() {
        requireRunning();
        if (database != null) {
            throw new LauncherException("PostgreSQL is already running");
        }
        progress("starting PostgreSQL 17 on port " + options.postgresPort());
        database = EmbeddedDatabase.start(options.postgresDirectory(), options.postgresPort(), false);
    }

    @Override
    public void close() {
        stop();
    }

    public SuiteOptions options() {
        return options;
    }

    public String gatewayUrl() {
        return options.url(SuiteService.GATEWAY);
    }

    public String url(SuiteService service) {
        return options.url(service);
    }

    /** The base URLs of every instance of a service (one unless {@link SuiteOptions#replicas()} is more). */
    public List<String> urls(SuiteService service) {
        return options.urls(service);
    }

    public GatewayClient gateway() {
        return new GatewayClient(gatewayUrl(), http);
    }

    /** An access token for a directory user (e.g. a demo user with {@link DemoDirectory#demoPassword}). */
    public String token(String username, String password) {
        return gateway().passwordToken(username, password);
    }

    /** The embedded database (superuser connections for tests that must look below the services). */
    public EmbeddedDatabase database() {
        return database;
    }

    public String bootstrapAdminPassword() {
        return secrets.value("admin", "password", Secrets::randomPassword);
    }

    public String bootstrapSecondAdminPassword() {
        return secrets.value("admin", "second-password", Secrets::randomPassword);
    }

    /** The demo partner's private_key_jwt key (a private EC P-256 JWK), generated once; test-only. */
    public String partnerPrivateKey() {
        return secrets.file(DemoDirectory.PARTNER_KEY_FILE, GatewayClient::newClientKey);
    }

    public String liaisonServiceClientSecret() {
        return secrets.value("clients", DemoDirectory.LIAISON_SERVICE_CLIENT.clientId() + ".secret",
                Secrets::randomPassword);
    }

    /** The key of the console's encrypted session cookies, the same across restarts so sessions survive one. */
    public String consoleSessionSecret() {
        return secrets.value("console", "session-secret", Secrets::randomPassword);
    }

    public String preventionIdentityKey() {
        return secrets.file("prevention-identity.key", Secrets::randomKey);
    }

    /** Start figures of each service, in start order. */
    public List<Startup> startups() {
        List<Startup> result = new ArrayList<>();
        processes.forEach((service, process) -> result.add(new Startup(service, process.pid(),
                process.readyAfter(), process.residentKilobytes(), process.cpuUntilReady(),
                process.cpuByThreadUntilReady())));
        return result;
    }

    /** Services whose JVM has exited although the suite was not stopped (empty once stopping has begun). */
    public synchronized List<SuiteService> exitedServices() {
        List<SuiteService> exited = new ArrayList<>();
        if (stopped) {
            return exited;
        }
        processes.forEach((service, process) -> {
            if (!process.isAlive()) {
                exited.add(service);
            }
        });
        synchronized (replicaProcesses) {
            replicaProcesses.stream().filter(process -> !process.isAlive()).forEach(p -> exited.add(p.service()));
        }
        return exited;
    }

    public Path logFile(SuiteService service) {
        return options.logFile(service);
    }

    private void progress(String message) {
        options.progress().accept(message);
    }

    /**
     * Time from process start to ready, resident memory at that moment (kB, -1 if unknown) and the CPU time the
     * JVM had used by then (null if unknown), and that CPU time by thread (threads named alike summed: "main",
     * "C1 CompilerThread", "VM Thread" where the serial collector runs, ...; empty if unknown), most first.
     */
    public record Startup(SuiteService service, long pid, Duration readyAfter, long residentKilobytes,
            Duration cpuUntilReady, Map<String, Duration> cpuByThread) {
    }
}
