package org.yaqaza.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code ./yaqaza up | down | status}: the local suite from the command line. {@code up} runs in the foreground
 * until Ctrl-C or {@code ./yaqaza down}; its pid is in {@code <data>/yaqaza.pid}.
 */
public final class Main {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;
    /** Held so the configured loggers are not collected (JUL keeps loggers weakly). */
    private static final List<Logger> CONFIGURED_LOGGERS = new ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (LauncherException e) {
            ERR.println("yaqaza: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) {
        Path root = Path.of(System.getProperty("yaqaza.root", ".")).toAbsolutePath().normalize();
        Path data = null;
        int replicas = 1;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath().normalize();
                case "--data" -> data = Path.of(value(args, ++i, "--data")).toAbsolutePath().normalize();
                case "--replicas" -> {
                    try {
                        replicas = Integer.parseInt(value(args, ++i, "--replicas"));
                    } catch (NumberFormatException e) {
                        throw new LauncherException("--replicas needs a number of instances (1 to 4)");
                    }
                }
                case "-h", "--help", "help" -> {
                    usage(OUT);
                    return 0;
                }
                default -> {
                    if (command != null || args[i].startsWith("-")) {
                        usage(ERR);
                        return 2;
                    }
                    command = args[i];
                }
            }
        }
        if (data == null) {
            data = root.resolve(".yaqaza");
        }
        if (command == null) {
            usage(ERR);
            return 2;
        }
        return switch (command) {
            case "up" -> up(root, data, replicas);
            case "down" -> down(data);
            case "status" -> status(data);
            case "partner-token" -> partnerToken(data);
            default -> {
                usage(ERR);
                yield 2;
            }
        };
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new LauncherException(option + " needs a value");
        }
        return args[index];
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: ./yaqaza [--data DIR] up | down | status | build | partner-token

                  up      build what is missing, start PostgreSQL and the four services, create the demo
                          accounts, print how to use them; runs until Ctrl-C
                  down    stop a suite started by `up` (from another terminal)
                  status  show whether the suite runs and which services are ready
                  build   only build what is missing
                  partner-token  a token for the demo partner es-cni, signed in with private_key_jwt (its
                          key is in <data>/secrets/es-cni.jwk); prints the token response

                  --data DIR   data directory (default: .yaqaza in the repository; kept across runs)
                  --replicas N with up: N instances (1 to 4) of each domain service on the same databases, the
                               further ones on free ports; the gateway spreads requests over them
                  YAQAZA_JVM_OPTS  JVM flags of the service JVMs (default: %s)
                  YAQAZA_APPCDS=true  class-data sharing archives in <data>/cds (faster starts, slow first stop)"""
                .formatted(String.join(" ", SuiteOptions.LOCAL_JVM_OPTIONS)));
    }

    // ---- up -----------------------------------------------------------------------------------------------

    private static int up(Path root, Path data, int replicas) {
        Path pidFile = data.resolve("yaqaza.pid");
        Optional<ProcessHandle> running = runningLauncher(pidFile);
        if (running.isPresent()) {
            throw new LauncherException("a Yaqaza suite is already running (pid " + running.get().pid()
                    + ", data " + data + "). Stop it with `./yaqaza down` first.");
        }
        if (cleanUpLeftovers(data)) {
            OUT.println("stopped left-overs of an earlier run that did not stop cleanly");
        }
        try {
            Files.createDirectories(data.resolve("logs"));
            Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("could not write " + pidFile + ": " + e.getMessage(), e);
        }
        routeLibraryLogging(data.resolve("logs").resolve("postgres.log"));

        SuiteOptions.Builder builder = SuiteOptions.builder(root).dataDirectory(data).stopOnJvmExit(false)
                .progress(message -> OUT.println("  · " + message));
        try {
            builder.replicas(replicas);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage());
        }
        String jvmOptions = System.getenv("YAQAZA_JVM_OPTS");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            builder.jvmOptions(jvmOptions);
        }
        // class-data sharing is on unless turned off: restarts are about a third faster (docs/local-suite.md)
        builder.appCds(!"false".equalsIgnoreCase(System.getenv("YAQAZA_APPCDS")));
        SuiteOptions options = builder.build();

        long started = System.nanoTime();
        OUT.println("Starting Yaqaza (data in " + data + ")");
        LocalSuite suite = LocalSuite.create(options);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean startFailed = new AtomicBoolean();
        // registered before the start, so that Ctrl-C or `down` during the start also stops what already runs
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (startFailed.get()) {
                // launch() has already stopped what it started and the error is printed
                deleteQuietly(pidFile);
                return;
            }
            OUT.println();
            OUT.println("Stopping Yaqaza ...");
            suite.stop();
            deleteQuietly(pidFile);
            List<Integer> busy = busyPorts(options);
            if (busy.isEmpty()) {
                OUT.println("Yaqaza stopped: no service or PostgreSQL process left, ports free. Data kept in "
                        + data);
            } else {
                OUT.println("Yaqaza stopped, but these ports are still in use: " + busy);
            }
            stopped.countDown();
        }, "yaqaza-stop"));
        try {
            suite.launch();
        } catch (RuntimeException e) {
            startFailed.set(true);
            throw e instanceof LauncherException ? e : new LauncherException("start failed: " + e, e);
        }
        printWelcome(suite, Duration.ofNanos(System.nanoTime() - started));

        // foreground until stopped; report services that die on their own
        List<SuiteService> reported = new ArrayList<>();
        while (stopped.getCount() > 0) {
            List<SuiteService> exited = suite.exitedServices();
            if (!exited.isEmpty()) {
                // on Ctrl-C the services get the signal too and may exit just before the stop hook begins
                sleepQuietly(Duration.ofMillis(1500));
                exited = suite.exitedServices();
            }
            for (SuiteService service : exited) {
                if (!reported.contains(service)) {
                    reported.add(service);
                    ERR.println("yaqaza: " + service.module() + " exited unexpectedly; see "
                            + suite.logFile(service) + " (Ctrl-C stops the rest)");
                }
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
        return 0;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printWelcome(LocalSuite suite, Duration took) {
        SuiteOptions o = suite.options();
        String gw = suite.gatewayUrl();
        OUT.println();
        OUT.printf(Locale.ROOT, "Yaqaza is ready (%.1f s).%n%n", took.toMillis() / 1000.0);
        OUT.println("  Gateway      " + gw);
        OUT.println("  Console      " + gw + "/console/   (sign in with a demo account below)");
        OUT.println("  Swagger UI   " + gw + "/q/swagger-ui");
        OUT.println("  Services     intelligence :" + o.port(SuiteService.INTELLIGENCE) + "   liaison :"
                + o.port(SuiteService.LIAISON) + "   prevention :" + o.port(SuiteService.PREVENTION)
                + "   PostgreSQL :" + o.postgresPort());
        OUT.println("  Logs         " + o.logDirectory());
        OUT.println();
        OUT.println("Demo accounts: DEMO ONLY, the passwords are published; never use them anywhere real.");
        String row = "  %-19s %-30s %-19s %-13s %-24s %s%n";
        OUT.printf(row, "username", "password", "role", "clearance", "compartments", "agency");
        for (DemoDirectory.DemoUser user : DemoDirectory.USERS) {
            OUT.printf(row, user.username(), user.password(), user.role(), user.clearance(),
                    user.compartments().isEmpty() ? "-" : String.join(",", user.compartments()), user.agency());
        }
        DemoDirectory.DemoClient partner = DemoDirectory.PARTNER_CLIENT;
        OUT.println();
        OUT.println("Machine clients (client_credentials; es-cni signs in with private_key_jwt, its secret is for"
                + " TAXII Basic):");
        OUT.printf(row, "client id", "secret", "role", "clearance", "compartments", "agency / partner");
        OUT.printf(row, partner.clientId(), DemoDirectory.PARTNER_CLIENT_SECRET, partner.role(),
                partner.clearance(), "-", partner.agency() + " / " + partner.partner());
        DemoDirectory.DemoClient service = DemoDirectory.LIAISON_SERVICE_CLIENT;
        OUT.printf(row, service.clientId(), "(secrets/clients.properties)", service.role(), service.clearance(),
                String.join(",", service.compartments()), service.agency());
        OUT.println();
        OUT.println("Get a token (analyst):");
        OUT.println("  TOKEN=$(curl -s " + gw + "/auth/token -d grant_type=password -d username=analyst"
                + " --data-urlencode 'password=" + DemoDirectory.demoPassword("analyst") + "'"
                + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        OUT.println("Call a protected route through the gateway:");
        OUT.println("  curl -i -H \"Authorization: Bearer $TOKEN\" " + gw + "/api/intelligence/reports");
        OUT.println("A partner system's token (private_key_jwt, key in secrets/" + DemoDirectory.PARTNER_KEY_FILE
                + "):");
        OUT.println("  ./yaqaza partner-token");
        OUT.println("TAXII with the partner's secret (HTTP Basic):");
        OUT.println("  curl -s -u " + partner.clientId() + ":" + DemoDirectory.PARTNER_CLIENT_SECRET
                + " -H 'Accept: application/taxii+json;version=2.1' " + gw + "/taxii2/");
        OUT.println();
        OUT.println("Press Ctrl-C to stop (or run `./yaqaza down` in another terminal).");
    }

    /** PostgreSQL's own output (through zonky's logger) goes to its log file instead of the console. */
    private static void routeLibraryLogging(Path postgresLog) {
        try {
            FileHandler file = new FileHandler(postgresLog.toString(), true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding(StandardCharsets.UTF_8.name());
            Logger zonky = Logger.getLogger("io.zonky");
            zonky.setUseParentHandlers(false);
            zonky.addHandler(file);
            zonky.setLevel(Level.INFO);
            CONFIGURED_LOGGERS.add(zonky);
        } catch (IOException e) {
            ERR.println("yaqaza: could not open " + postgresLog + " (" + e.getMessage() + "); PostgreSQL logs to"
                    + " the console");
        }
    }

    // ---- partner-token ------------------------------------------------------------------------------------

    /** A token for the demo partner with a private_key_jwt assertion signed by its generated key (test-only). */
    private static int partnerToken(Path data) {
        Path keyFile = data.resolve("secrets").resolve(DemoDirectory.PARTNER_KEY_FILE);
        if (!Files.isRegularFile(keyFile)) {
            throw new LauncherException("no partner key at " + keyFile + ": start the suite once with `./yaqaza up`");
        }
        Properties state = RunState.read(data.resolve("run"));
        String port = state.getProperty(SuiteService.GATEWAY.id() + ".port",
                Integer.toString(SuiteService.GATEWAY.defaultPort()));
        GatewayClient gateway = new GatewayClient("http://localhost:" + port,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        try {
            HttpResponse<String> answer = gateway.assertionTokenResponse(DemoDirectory.PARTNER_CLIENT.clientId(),
                    Files.readString(keyFile, StandardCharsets.UTF_8).trim());
            (answer.statusCode() == 200 ? OUT : ERR).println(answer.body());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            throw new LauncherException("could not read " + keyFile + ": " + e.getMessage(), e);
        }
    }

    // ---- down and status --------------------------------------------------------------------------------

    private static int down(Path data) {
        Path pidFile = data.resolve("yaqaza.pid");
        Properties state = RunState.read(data.resolve("run"));
        Optional<ProcessHandle> launcher = runningLauncher(pidFile);
        if (launcher.isPresent()) {
            OUT.println("Stopping the Yaqaza suite (pid " + launcher.get().pid() + ") ...");
            launcher.get().destroy();
            if (!waitForExit(launcher.get(), Duration.ofSeconds(180))) {
                ERR.println("yaqaza: the launcher did not stop within 180 s; killing it and what it started");
                launcher.get().destroyForcibly();
                waitForExit(launcher.get(), Duration.ofSeconds(10));
            }
        } else {
            OUT.println("No Yaqaza suite is running from " + data + ".");
        }
        if (cleanUpLeftovers(data)) {
            OUT.println("Stopped left-over processes of an earlier run.");
        }
        deleteQuietly(pidFile);
        List<Integer> busy = new ArrayList<>();
        for (int port : suitePorts(state)) {
            if (!Ports.isFree(port)) {
                busy.add(port);
            }
        }
        if (!busy.isEmpty()) {
            ERR.println("yaqaza: still in use after stopping: ports " + busy);
            return 1;
        }
        if (launcher.isPresent()) {
            OUT.println("Stopped. No process of the suite remains; its ports are free.");
        }
        return 0;
    }

    private static int status(Path data) {
        Optional<ProcessHandle> launcher = runningLauncher(data.resolve("yaqaza.pid"));
        Properties state = RunState.read(data.resolve("run"));
        if (launcher.isEmpty()) {
            OUT.println("Yaqaza is not running (data: " + data + ").");
            return 3;
        }
        OUT.println("Yaqaza is running (launcher pid " + launcher.get().pid() + ", data " + data + ").");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean allReady = true;
        for (SuiteService service : SuiteService.values()) {
            int port = Integer.parseInt(state.getProperty(service.id() + ".port",
                    Integer.toString(service.defaultPort())));
            String readiness;
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                readiness = response.statusCode() == 200 ? "ready" : "NOT READY (HTTP " + response.statusCode() + ")";
            } catch (IOException e) {
                readiness = "DOWN";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            allReady &= readiness.equals("ready");
            OUT.printf(Locale.ROOT, "  %-22s http://localhost:%-6d %s%n", service.module(), port, readiness);
        }
        int pgPort = Integer.parseInt(state.getProperty("postgres.port",
                Integer.toString(SuiteOptions.DEFAULT_POSTGRES_PORT)));
        boolean pgUp = !Ports.isFree(pgPort);
        allReady &= pgUp;
        OUT.printf(Locale.ROOT, "  %-22s localhost:%-13d %s%n", "PostgreSQL", pgPort, pgUp ? "up" : "DOWN");
        return allReady ? 0 : 1;
    }

    /** The launcher of a pid file if it still runs (and is a Yaqaza launcher, not a recycled pid). */
    private static Optional<ProcessHandle> runningLauncher(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("yaqaza")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops what an earlier run recorded and left running (its launcher was killed): service JVMs carrying the
     * suite marker, and the PostgreSQL of this data directory. True when something was stopped.
     */
    static boolean cleanUpLeftovers(Path data) {
        Properties state = RunState.read(data.resolve("run"));
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (String key : state.stringPropertyNames()) {
            if (key.endsWith(".pid")) {
                ProcessHandle.of(Long.parseLong(state.getProperty(key))).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine()
                                .map(c -> c.contains("-D" + ServiceProcess.MARKER_PROPERTY + "=")).orElse(false))
                        .ifPresent(leftovers::add);
            }
        }
        leftovers.forEach(ProcessHandle::destroy);
        leftovers.forEach(p -> {
            if (!waitForExit(p, Duration.ofSeconds(20))) {
                p.destroyForcibly();
                waitForExit(p, Duration.ofSeconds(5));
            }
        });
        boolean stoppedPostgres = false;
        Path postmasterPid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                String first = Files.readAllLines(postmasterPid, StandardCharsets.UTF_8).get(0).trim();
                Optional<ProcessHandle> postgres = ProcessHandle.of(Long.parseLong(first))
                        .filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
                if (postgres.isPresent()) {
                    // SIGTERM is PostgreSQL's "smart" shutdown; its clients are gone by now
                    postgres.get().destroy();
                    if (!waitForExit(postgres.get(), Duration.ofSeconds(30))) {
                        postgres.get().destroyForcibly();
                        waitForExit(postgres.get(), Duration.ofSeconds(5));
                    }
                    stoppedPostgres = true;
                }
            } catch (IOException | RuntimeException e) {
                ERR.println("yaqaza: could not check " + postmasterPid + ": " + e.getMessage());
            }
        }
        RunState.delete(data.resolve("run"));
        return !leftovers.isEmpty() || stoppedPostgres;
    }

    private static List<Integer> busyPorts(SuiteOptions options) {
        List<Integer> busy = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            if (!Ports.isFree(options.port(service))) {
                busy.add(options.port(service));
            }
        }
        if (!Ports.isFree(options.postgresPort())) {
            busy.add(options.postgresPort());
        }
        return busy;
    }

    private static List<Integer> suitePorts(Properties state) {
        List<Integer> ports = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            ports.add(Integer.parseInt(state.getProperty(service.id() + ".port",
                    Integer.toString(service.defaultPort()))));
        }
        ports.add(Integer.parseInt(state.getProperty("postgres.port",
                Integer.toString(SuiteOptions.DEFAULT_POSTGRES_PORT))));
        return ports;
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing better to do while stopping
        }
    }
}
