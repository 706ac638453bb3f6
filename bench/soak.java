// Zero-loss soak of the whole suite (issue 6, item 6). Started by bench/soak.sh, which builds what is missing and
// puts the launcher (LocalSuite, EmbeddedDatabase, the PostgreSQL driver) on the class path.
//
// Starts the real suite (embedded PostgreSQL + the four services, demo data) on free ports in a temporary data
// directory, sends a fixed-rate open-loop mix of reads and writes through the gateway to all four services, logs
// every write the suite acknowledged (2xx) to writes.log, and at the end reconciles that log with the databases
// (JDBC, superuser): every acknowledged record must be there with the value the client sent, and every partner
// submission must have been delivered to the intelligence-service as a PARTNER report. With --faults it kills one
// service (SIGKILL) and restarts it at 30 % of the run, and restarts PostgreSQL at 60 %, and counts 5xx inside and
// outside those fault windows separately. Exit status 0 only with 0 writes lost and 0 5xx outside the windows.
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;

public class Soak {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final String PARTNER = DemoDirectory.PARTNER_CLIENT.clientId();
    static final int MAX_IN_FLIGHT = 256;
    /** Above the gateway's idle timeout (60 s): a stuck upstream is the gateway's 504, not a client timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(75);

    /** One kind of request of the mix; {@code weight} of 100. */
    enum Op {
        INTEL_LIST(12, "intelligence", "collector", false),
        INTEL_COUNT(4, "intelligence", "collector", false),
        INTEL_SEARCH(6, "intelligence", "analyst", false),
        INTEL_GET(5, "intelligence", "analyst", false),
        INTEL_WRITE(10, "intelligence", "collector", true),
        LIAISON_LIST(8, "liaison", "liaison-officer", false),
        LIAISON_COUNT(4, "liaison", "liaison-officer", false),
        LIAISON_WRITE(5, "liaison", "liaison-officer", true),
        PARTNER_SUBMIT(4, "liaison", PARTNER, true),
        PARTNER_LIST(3, "liaison", PARTNER, false),
        PREVENTION_LIST(10, "prevention", "prevention-officer", false),
        PREVENTION_COUNT(6, "prevention", "prevention-officer", false),
        PREVENTION_STATS(4, "prevention", "prevention-officer", false),
        PREVENTION_WRITE(6, "prevention", "prevention-officer", true),
        GATEWAY_TOKEN(3, "gateway", null, false),
        GATEWAY_DASHBOARD(4, "gateway", "supervisor", false),
        GATEWAY_USERS(4, "gateway", "admin", false),
        GATEWAY_WRITE(2, "gateway", "admin", true),
        /** Not in the deck (weight 0): with --replicas, a FLASH warning every 10 s, escalated by liaison's job. */
        LIAISON_WARNING(0, "liaison", "liaison-officer", true);

        final int weight;
        final String service;
        final String caller;
        final boolean write;

        Op(int weight, String service, String caller, boolean write) {
            this.weight = weight;
            this.service = service;
            this.caller = caller;
            this.write = write;
        }
    }

    /** An answer, or -1 = no answer (connection failure, timeout), -2 = not sent (client overloaded). */
    record Outcome(Op op, long intendedMs, long latencyMicros, int status) {
    }

    /** A write the suite acknowledged: the id it returned and the value the client sent. */
    record Ack(Op op, String id, String marker, long atMs) {
    }

    /**
     * A deliberate fault: requests to the affected services in flight at some moment from {@code fromMs} until each
     * of them answers 2xx again after {@code actionDoneMs} (the restart; see windowEnd) are inside its window.
     */
    record Window(String what, List<String> services, long fromMs, long actionDoneMs) {
    }

    /**
     * When a window ends: when the last affected service begins a run of 5 answers in a row that are 2xx (by send
     * time) after the restart, so that the circuit's half-open trial and stale pooled connections stay inside it;
     * -1 if a service never did.
     */
    long windowEnd(Window window, List<Outcome> all) {
        long end = window.actionDoneMs();
        for (String service : window.services()) {
            List<Outcome> after = all.stream().filter(o -> o.op().service.equals(service)
                    && o.intendedMs() >= window.actionDoneMs() && o.status() != -2)
                    .sorted(Comparator.comparingLong(Outcome::intendedMs)).toList();
            long healthyFrom = -1;
            int run = 0;
            for (int i = 0; i < after.size() && healthyFrom < 0; i++) {
                run = after.get(i).status() >= 200 && after.get(i).status() < 300 ? run + 1 : 0;
                if (run == 5) {
                    healthyFrom = after.get(i - 4).intendedMs();
                }
            }
            if (healthyFrom < 0) {
                return -1;
            }
            end = Math.max(end, healthyFrom);
        }
        return end;
    }

    final Path root;
    final int minutes;
    final double rate;
    final boolean faults;
    final SuiteService faultService;
    final boolean seed;
    final int replicas;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    final List<Ack> acks = new CopyOnWriteArrayList<>();
    final List<Window> windows = new CopyOnWriteArrayList<>();
    final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    final AtomicLong sequence = new AtomicLong();
    final Random random = new Random(6);
    LocalSuite suite;
    String gateway;
    long startNanos;
    PrintWriter writeLog;

    Soak(Path root, int minutes, double rate, boolean faults, SuiteService faultService, boolean seed,
            int replicas) {
        this.replicas = replicas;
        this.root = root;
        this.minutes = minutes;
        this.rate = rate;
        this.faults = faults;
        this.faultService = faultService;
        this.seed = seed;
    }

    public static void main(String[] args) {
        // zonky logs every PostgreSQL server line through java.util.logging: noise in the summary
        java.util.logging.LogManager.getLogManager().reset();
        Path root = null;
        int minutes = 10;
        double rate = 20;
        boolean faults = false;
        boolean keep = false;
        boolean seed = true;
        int replicas = 1;
        SuiteService faultService = SuiteService.INTELLIGENCE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--faults" -> faults = true;
                case "--fault-service" -> faultService = SuiteService.valueOf(args[++i].toUpperCase());
                case "--keep" -> keep = true;
                case "--no-seed" -> seed = false;
                case "--replicas" -> replicas = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        int status;
        Path data = null;
        Soak soak = new Soak(root.toAbsolutePath().normalize(), minutes, rate, faults, faultService, seed,
                replicas);
        try {
            data = Files.createTempDirectory("yaqaza-soak");
            status = soak.run(data);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (soak.suite != null) {
                soak.suite.stop();
            }
        }
        if (data != null && !keep) {
            deleteTree(data.resolve("postgres"));
        }
        if (data != null) {
            System.out.println("data, logs and writes.log in " + data + (keep ? "" : " (database removed)"));
        }
        System.exit(status);
    }

    int run(Path data) throws Exception {
        System.out.printf("Yaqaza soak: %d min at %.1f req/s%s%s, %d CPUs, load average %s%n", minutes, rate,
                faults ? ", faults: " + faultService.id() + " killed at 30 %, PostgreSQL restarted at 60 %" : "",
                replicas > 1 ? ", " + replicas + " instances of each domain service" : "",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        SuiteOptions.Builder options = SuiteOptions.builder(root).dataDirectory(data).freePorts().demoSeed(seed)
                .replicas(replicas).readyTimeout(Duration.ofMinutes(5)).stopOnJvmExit(true)
                .progress(message -> System.out.println("  [suite] " + message));
        if (replicas > 1) {
            // warnings issued during the run reach their deadline within it: each replica's escalation job competes
            options.environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_FLASH", "30s")
                    .environment(SuiteService.LIAISON, "YAQAZA_LIAISON_WARNINGS_ESCALATION_EVERY", "2s");
        }
        suite = LocalSuite.start(options.build());
        gateway = suite.gatewayUrl();
        writeLog = new PrintWriter(Files.newBufferedWriter(data.resolve("writes.log")), true);
        writeLog.println("# time\tsequence_ms\top\tid\tmarker\tstatus");
        refreshTokens(true);

        List<Op> deck = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int i = 0; i < op.weight; i++) {
                deck.add(op);
            }
        }
        Collections.shuffle(deck, random);

        long durationMs = minutes * 60_000L;
        long totalRequests = Math.round(rate * durationMs / 1000.0);
        long periodNanos = Math.round(1_000_000_000L / rate);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "soak-ticker"));
        ScheduledExecutorService background = Executors.newScheduledThreadPool(4, r -> daemon(r, "soak-background"));
        System.out.printf("running %d requests for %d min ...%n", totalRequests, minutes);
        startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long n = sequence.getAndIncrement();
            if (n >= totalRequests) {
                return;
            }
            fire(deck.get((int) (n % deck.size())), startNanos + n * periodNanos);
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        background.scheduleAtFixedRate(() -> refreshTokens(false), 4, 4, TimeUnit.MINUTES);
        background.scheduleAtFixedRate(this::progressLine, 30, 30, TimeUnit.SECONDS);
        if (replicas > 1) {
            background.scheduleAtFixedRate(() -> fire(Op.LIAISON_WARNING, System.nanoTime()), 5, 10,
                    TimeUnit.SECONDS);
        }
        if (faults) {
            background.schedule(this::killAndRestart, durationMs * 3 / 10, TimeUnit.MILLISECONDS);
            background.schedule(this::restartPostgres, durationMs * 6 / 10, TimeUnit.MILLISECONDS);
        }
        while (sequence.get() < totalRequests) {
            Thread.sleep(200);
        }
        ticker.shutdownNow();
        // faults still running (a slow restart) must end before the reconciliation
        background.shutdown();
        background.awaitTermination(5, TimeUnit.MINUTES);
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            System.out.println("warning: " + (MAX_IN_FLIGHT - inFlight.availablePermits())
                    + " requests still in flight after 60 s");
        }
        long elapsed = ms();
        writeLog.close();
        return report(elapsed, data);
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    long ms() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    void fire(Op op, long intendedNanos) {
        long intendedMs = (intendedNanos - startNanos) / 1_000_000;
        if (!inFlight.tryAcquire()) {
            outcomes.add(new Outcome(op, intendedMs, 0, -2));
            return;
        }
        String marker = op.write ? "soak-" + UUID.randomUUID() : null;
        HttpRequest request;
        try {
            request = request(op, marker);
        } catch (RuntimeException e) {
            inFlight.release();
            outcomes.add(new Outcome(op, intendedMs, 0, -1));
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                long latency = (System.nanoTime() - intendedNanos) / 1_000;
                int status = failure != null ? -1 : response.statusCode();
                outcomes.add(new Outcome(op, intendedMs, latency, status));
                if (op.write && status >= 200 && status < 300) {
                    String id = op == Op.GATEWAY_WRITE ? marker : firstId(response.body());
                    acks.add(new Ack(op, id, marker, intendedMs));
                    writeLog.printf("%s\t%d\t%s\t%s\t%s\t%d%n", Instant.now(), intendedMs, op, id, marker, status);
                }
            } finally {
                inFlight.release();
            }
        });
    }

    static String firstId(String body) {
        Matcher matcher = ID.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    HttpRequest request(Op op, String marker) {
        String path;
        String body = null;
        switch (op) {
            case INTEL_LIST -> path = "/api/intelligence/reports?limit=20";
            case INTEL_COUNT -> path = "/api/intelligence/reports/count";
            case INTEL_SEARCH -> path = "/api/intelligence/reports/search?limit=10&q="
                    + URLEncoder.encode(random.nextBoolean() ? "الميناء" : "soak", StandardCharsets.UTF_8);
            case INTEL_GET -> {
                String id = acks.stream().filter(a -> a.op() == Op.INTEL_WRITE).reduce((a, b) -> b)
                        .map(Ack::id).orElse(null);
                path = id == null ? "/api/intelligence/reports?limit=1" : "/api/intelligence/reports/" + id;
            }
            case INTEL_WRITE -> {
                path = "/api/intelligence/reports";
                body = """
                        {"sourceType":"HUMINT","reliability":"C","credibility":3,"collectedAt":"%s",
                         "language":"ar","title":"%s","body":"رصد تحركات قرب الميناء، تقرير اختبار التحمل %s",
                         "classification":"RESTRICTED"}""".formatted(Instant.now(), marker, marker);
            }
            case LIAISON_LIST -> path = "/api/liaison/partners?limit=20";
            case LIAISON_COUNT -> path = "/api/liaison/partners/count";
            case LIAISON_WRITE -> {
                path = "/api/liaison/partners";
                body = """
                        {"code":"%s","country":"PT","serviceName":"Soak partner %s","status":"ACTIVE",
                         "classification":"RESTRICTED"}""".formatted(marker, marker);
            }
            case PARTNER_SUBMIT -> {
                path = "/api/liaison/partner/intelligence";
                body = """
                        {"title":"%s","body":"Observed movements near the port (soak %s)","language":"en",
                         "reliability":"B","credibility":2}""".formatted(marker, marker);
            }
            case PARTNER_LIST -> path = "/api/liaison/partner/intelligence?limit=10";
            case PREVENTION_LIST -> path = "/api/prevention/programmes?limit=20";
            case PREVENTION_COUNT -> path = "/api/prevention/programmes/count";
            case PREVENTION_STATS -> path = "/api/prevention/statistics/outreach";
            case PREVENTION_WRITE -> {
                path = "/api/prevention/programmes";
                body = """
                        {"kind":"YOUTH_OUTREACH","name":"%s","region":"Oriental","capacity":30,
                         "classification":"RESTRICTED"}""".formatted(marker);
            }
            case LIAISON_WARNING -> {
                path = "/api/liaison/warnings";
                body = """
                        {"partner":"%s","precedence":"FLASH","tlp":"AMBER","category":"TERRORISM","title":"%s",
                         "body":"Soak warning %s: please acknowledge","classification":"RESTRICTED"}"""
                        .formatted(PARTNER, marker, marker);
            }
            case GATEWAY_TOKEN -> {
                return tokenRequest("analyst").build();
            }
            case GATEWAY_DASHBOARD -> path = "/api/dashboard";
            case GATEWAY_USERS -> path = "/api/admin/users?limit=20";
            case GATEWAY_WRITE -> {
                path = "/api/admin/users";
                body = """
                        {"username":"%s","displayName":"Soak user","password":"Soak-%s-pw!",
                         "roles":["collector"],"clearance":"RESTRICTED","agency":"DGST"}"""
                        .formatted(marker, marker.substring(5, 17));
            }
            default -> throw new IllegalStateException(op.name());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + tokens.get(op.caller));
        if (body != null) {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return builder.build();
    }

    HttpRequest.Builder tokenRequest(String caller) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded");
        if (caller.equals(PARTNER)) {
            String basic = Base64.getEncoder().encodeToString((PARTNER + ":" + DemoDirectory.PARTNER_CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
            return builder.header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        }
        return builder.POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + caller
                + "&password=" + URLEncoder.encode(DemoDirectory.demoPassword(caller), StandardCharsets.UTF_8)));
    }

    /** Tokens live 10 minutes: fetched every 4 minutes, retried while the gateway cannot issue (a fault). */
    void refreshTokens(boolean first) {
        for (Op op : Op.values()) {
            if (op.caller == null || (tokens.containsKey(op.caller) && first)) {
                continue;
            }
            for (int attempt = 0; attempt < 30; attempt++) {
                try {
                    HttpResponse<String> response = http.send(tokenRequest(op.caller).build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher matcher = ACCESS_TOKEN.matcher(response.body());
                    if (response.statusCode() == 200 && matcher.find()) {
                        tokens.put(op.caller, matcher.group(1));
                        break;
                    }
                    System.out.println("  token for " + op.caller + ": " + response.statusCode());
                } catch (IOException e) {
                    System.out.println("  token for " + op.caller + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    void progressLine() {
        long now = ms();
        List<Outcome> recent = outcomes.stream().filter(o -> o.intendedMs() >= now - 30_000).toList();
        System.out.printf("  %s  %d requests so far, last 30 s: %s, acknowledged writes %d%n", clock(now),
                outcomes.size(), byStatus(recent), acks.size());
    }

    void killAndRestart() {
        try {
            long from = ms();
            System.out.println("  " + clock(from) + "  fault: killing " + faultService.id() + " (SIGKILL)");
            suite.killService(faultService);
            long killed = ms();
            Thread.sleep(5_000);
            System.out.println("  " + clock(ms()) + "  fault: starting " + faultService.id() + " again");
            suite.startService(faultService);
            long ready = ms();
            System.out.println("  " + clock(ready) + "  fault: " + faultService.id() + " ready");
            List<String> affected = faultService == SuiteService.GATEWAY
                    ? List.of("gateway", "intelligence", "liaison", "prevention")
                    : List.of(faultService.id().replace("-service", ""));
            windows.add(new Window(faultService.id() + " killed (at " + clock(killed) + ") and restarted", affected,
                    from, ready));
        } catch (Exception e) {
            System.out.println("  fault failed: " + e);
            e.printStackTrace(System.out);
        }
    }

    void restartPostgres() {
        try {
            long from = ms();
            System.out.println("  " + clock(from) + "  fault: stopping PostgreSQL");
            suite.stopDatabase();
            Thread.sleep(3_000);
            suite.startDatabase();
            long started = ms();
            System.out.println("  " + clock(started) + "  fault: PostgreSQL started again");
            windows.add(new Window("PostgreSQL stopped and started again", List.of("gateway", "intelligence",
                    "liaison", "prevention"), from, started));
        } catch (Exception e) {
            System.out.println("  fault failed: " + e);
            e.printStackTrace(System.out);
        }
    }

    boolean insideWindow(Outcome outcome, Map<Window, Long> ends) {
        for (Window window : windows) {
            long end = ends.get(window) < 0 ? Long.MAX_VALUE : ends.get(window);
            // in flight at some moment of the window: a request sent just before the fault can fail with it
            long answeredMs = outcome.intendedMs() + outcome.latencyMicros() / 1_000;
            if (window.services().contains(outcome.op().service) && answeredMs >= window.fromMs()
                    && outcome.intendedMs() < end) {
                return true;
            }
        }
        return false;
    }

    int report(long elapsedMs, Path data) throws Exception {
        List<Outcome> all = new ArrayList<>(outcomes);
        long answered = all.stream().filter(o -> o.status() > 0).count();
        long[] latencies = all.stream().filter(o -> o.status() > 0).mapToLong(Outcome::latencyMicros).sorted()
                .toArray();
        Map<Window, Long> ends = new LinkedHashMap<>();
        windows.forEach(window -> ends.put(window, windowEnd(window, all)));
        long inside5xx = all.stream().filter(o -> o.status() >= 500 && insideWindow(o, ends)).count();
        long outside5xx = all.stream().filter(o -> o.status() >= 500 && !insideWindow(o, ends)).count();
        long insideFailures = all.stream().filter(o -> o.status() < 0 && insideWindow(o, ends)).count();
        long outsideFailures = all.stream().filter(o -> o.status() < 0 && !insideWindow(o, ends)).count();
        boolean recovered = ends.values().stream().allMatch(end -> end >= 0);

        AlertCheck alerts = replicas > 1 ? alertsAcrossReplicas() : null;
        System.out.println();
        System.out.println("reconciling the acknowledged writes with the databases ...");
        Reconciliation reconciliation = reconcile();
        Duplicates duplicates = duplicates();
        Map<String, String> chains = auditChains();
        Map<String, Long> perInstance = replicas > 1 ? apiRequestsPerInstance() : Map.of();
        long chainsValid = chains.values().stream().filter("valid"::equals).count();

        System.out.println();
        System.out.println("==== Yaqaza soak summary ====");
        System.out.printf("duration            %s (%d min planned) at %.1f req/s, load average at the end %s%n",
                clock(elapsedMs), minutes, rate, loadAverage());
        for (Window window : windows) {
            long end = ends.get(window);
            System.out.printf("fault window        %s: %s .. %s (restarted at %s; the window ends when every"
                    + " affected service answers 2xx 5 times in a row), services %s%n", window.what(), clock(window.fromMs()),
                    end < 0 ? "NOT RECOVERED" : clock(end), clock(window.actionDoneMs()), window.services());
        }
        if (faults && windows.size() < 2) {
            System.out.println("fault window        a planned fault did not happen (see the log above)");
        }
        System.out.printf("requests            %d (answered %d, no answer %d, not sent: client overloaded %d)%n",
                all.size(), answered, all.stream().filter(o -> o.status() == -1).count(),
                all.stream().filter(o -> o.status() == -2).count());
        System.out.printf("by status           %s%n", byStatus(all));
        Map<Integer, Long> errors = new TreeMap<>();
        all.stream().filter(o -> o.status() >= 400 || o.status() < 0)
                .forEach(o -> errors.merge(o.status(), 1L, Long::sum));
        System.out.printf("errors by status    %s%n", errors.isEmpty() ? "none" : errors);
        System.out.printf("latency             p50 %.1f ms, p99 %.1f ms, max %.1f ms (from the intended send time)%n",
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
        System.out.printf("5xx                 inside fault windows %d, outside %d%n", inside5xx, outside5xx);
        System.out.printf("no answer           inside fault windows %d, outside %d%n", insideFailures,
                outsideFailures);
        all.stream().filter(o -> (o.status() >= 500 || o.status() == -1) && !insideWindow(o, ends)).limit(10)
                .forEach(o -> System.out.printf("  outside a window: %s sent at %s, %d after %.1f ms%n", o.op(),
                        clock(o.intendedMs()), o.status(), o.latencyMicros() / 1000.0));
        System.out.println("per operation       (requests, statuses, p50/p99 ms)");
        for (Op op : Op.values()) {
            List<Outcome> mine = all.stream().filter(o -> o.op() == op).toList();
            long[] l = mine.stream().filter(o -> o.status() > 0).mapToLong(Outcome::latencyMicros).sorted().toArray();
            System.out.printf("  %-18s %6d  %-34s %8.1f %8.1f%n", op, mine.size(), byStatus(mine),
                    percentile(l, 50), percentile(l, 99));
        }
        System.out.printf("acknowledged writes %d %s%n", acks.size(), reconciliation.perKind);
        System.out.printf("writes found        %d%n", reconciliation.found);
        System.out.printf("writes lost         %d%n", reconciliation.lost.size());
        System.out.printf("partner submissions delivered to intelligence as PARTNER reports: %d of %d%n",
                reconciliation.delivered, reconciliation.submissions);
        reconciliation.lost.stream().limit(20).forEach(lost -> System.out.println("  LOST " + lost));
        System.out.printf("warnings escalated  %d of %d issued (each exactly once: %d escalated twice)%n",
                duplicates.escalated, duplicates.warnings, duplicates.escalations);
        System.out.printf("duplicated          warning escalations %d, outbox deliveries %d (%s)%n",
                duplicates.escalations, duplicates.deliveries, duplicates.detail);
        if (alerts != null) {
            alerts.lines.forEach(line -> System.out.println("alert streams       " + line));
        }
        System.out.printf("audit chains        %d of %d valid %s%n", chainsValid, chains.size(), chains);
        if (replicas > 1) {
            System.out.println("API requests served per instance (their /q/metrics) " + perInstance);
        }
        boolean spread = perInstance.values().stream().allMatch(n -> n > 0);
        System.out.println("write log           " + data.resolve("writes.log"));
        boolean pass = reconciliation.lost.isEmpty() && outside5xx == 0 && recovered
                && reconciliation.delivered == reconciliation.submissions && (!faults || windows.size() == 2)
                && duplicates.escalations == 0 && duplicates.deliveries == 0 && chainsValid == chains.size()
                && (alerts == null || alerts.ok) && duplicates.escalated == duplicates.warnings && spread;
        System.out.printf("in short            %d lost, %d duplicated, %d chains valid%s%n", reconciliation.lost.size(),
                duplicates.escalations + duplicates.deliveries, chainsValid,
                alerts == null ? "" : alerts.ok ? ", alerts crossed replicas" : ", alerts did NOT cross replicas");
        System.out.println("result              " + (pass ? "PASS" : "FAIL") + " (0 lost writes, every submission"
                + " delivered, 0 5xx outside the fault windows" + (faults ? ", every fault recovered" : "")
                + ", 0 duplicated escalations or outbox deliveries, every overdue warning escalated, every audit"
                + " chain valid" + (alerts != null ? ", each replica's alert stream saw the other's alert, every"
                        + " instance served API requests" : "")
                + ")");
        record(reconciliation, duplicates, chains.size(), chainsValid, alerts, perInstance, outside5xx, latencies,
                all.size(), faults ? windows.size() == 2 && recovered : null);
        return pass ? 0 : 1;
    }

    /**
     * The verdicts as BenchGoals rows (printed, and appended to YAQAZA_BENCH_RESULTS when bench/all.sh runs the soak),
     * so that the results file and the docs show them beside the other benches' goals. Names stay the same whatever
     * the size of the run: a missed goal's cause is keyed by them.
     */
    void record(Reconciliation reconciliation, Duplicates duplicates, int chains, long chainsValid, AlertCheck alerts,
            Map<String, Long> perInstance, long outside5xx, long[] latencies, int requests, Boolean faultsRecovered) {
        System.out.println();
        BenchGoals goals = new BenchGoals("soak");
        String run = minutes + " min at " + Math.round(rate) + " req/s" + (replicas > 1 ? ", " + replicas
                + " replicas" : "");
        goals.info("requests scheduled (" + run + ")", requests, "");
        goals.info("acknowledged writes", acks.size(), "");
        goals.info("latency p99 through the gateway", percentile(latencies, 99), "ms");
        goals.atMost("acknowledged writes lost", reconciliation.lost.size(), "", 0);
        goals.atMost("partner submissions not delivered to intelligence",
                reconciliation.submissions - reconciliation.delivered, "", 0);
        goals.atMost("5xx outside fault windows", outside5xx, "", 0);
        goals.atMost("duplicated warning escalations", duplicates.escalations, "", 0);
        goals.atMost("duplicated outbox deliveries", duplicates.deliveries, "", 0);
        goals.atMost("overdue warnings not escalated", duplicates.warnings - duplicates.escalated, "", 0);
        goals.atLeast("audit chains valid (of " + chains + ")", chainsValid, "", chains);
        if (alerts != null) {
            goals.atLeast("alert streams that saw another replica's alert (of " + alerts.expected() + ")",
                    alerts.crossed(), "", alerts.expected());
            goals.atMost("instances that served no API request",
                    perInstance.values().stream().filter(n -> n <= 0).count(), "", 0);
        }
        if (faultsRecovered != null) {
            goals.atLeast("planned faults recovered (of 2)", faultsRecovered ? 2 : 0, "", 2);
        }
        goals.finish();
    }

    static final class Duplicates {
        long warnings;
        long escalated;
        long escalations;
        long deliveries;
        String detail = "";
    }

    static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Work done twice by the replicas' scheduled jobs, counted in SQL (superuser): a warning escalated more than once
     * (escalation rows or ESCALATE audit events per warning), an outbox message delivered more than once (DELIVER
     * audit events per submission) and a partner submission that became more than one report in intelligence. Waits
     * (up to 2 min) for the run's warnings to pass their 30 s deadline and be escalated.
     */
    Duplicates duplicates() throws Exception {
        Duplicates d = new Duplicates();
        List<String> warnings = acks.stream().filter(a -> a.op() == Op.LIAISON_WARNING).map(Ack::id).toList();
        d.warnings = warnings.size();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Connection c = suite.database().superuserConnection("liaison")) {
            while (true) {
                try (PreparedStatement s = c.prepareStatement(
                        "select count(distinct warning_id) from escalation where warning_id = any(?::uuid[])")) {
                    s.setArray(1, c.createArrayOf("text", warnings.toArray()));
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        d.escalated = rs.getLong(1);
                    }
                }
                if (d.escalated == d.warnings || System.nanoTime() > deadline) {
                    break;
                }
                System.out.printf("  %d of %d warnings escalated so far; waiting ...%n", d.escalated, d.warnings);
                Thread.sleep(5_000);
            }
            long rows = count(c, "select count(*) from (select warning_id from escalation group by warning_id"
                    + " having count(*) > 1) x");
            long audited = count(c, "select count(*) from (select object_id from audit_event where action ="
                    + " 'ESCALATE' group by object_id having count(*) > 1) x");
            long delivered = count(c, "select count(*) from (select object_id from audit_event where action ="
                    + " 'DELIVER' group by object_id having count(*) > 1) x");
            long outbox = count(c, "select count(*) from (select aggregate_id from outbox group by aggregate_id, topic"
                    + " having count(*) > 1) x");
            d.escalations = Math.max(rows, audited);
            d.deliveries = Math.max(delivered, outbox);
            d.detail = "escalation rows " + rows + ", ESCALATE events " + audited + ", DELIVER events " + delivered
                    + ", outbox messages " + outbox;
        }
        try (Connection c = suite.database().superuserConnection("intelligence")) {
            long reports = count(c, "select count(*) from (select title from report where source_type = 'PARTNER'"
                    + " and title like 'soak-%' group by title having count(*) > 1) x");
            d.deliveries = Math.max(d.deliveries, reports);
            d.detail += ", submissions filed twice as reports " + reports;
        }
        return d;
    }

    /** Each service's audit chain, verified by the service itself (GET /api/<service>/audit/verify as auditor). */
    Map<String, String> auditChains() throws Exception {
        String auditor = token("auditor");
        Map<String, String> result = new LinkedHashMap<>();
        for (String service : List.of("gateway", "intelligence", "liaison", "prevention")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/" + service
                    + "/audit/verify")).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + auditor)
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"").matcher(response.body());
            result.put(service, response.statusCode() == 200 && status.find() ? status.group(1)
                    : "HTTP " + response.statusCode());
            if (!"valid".equals(result.get(service))) {
                System.out.println("  audit verify " + service + ": " + response.statusCode() + " " + response.body());
            }
        }
        return result;
    }

    /**
     * API requests each domain-service instance served, from its own Prometheus counters (every status, every
     * /api route): shows the gateway spread the load. -1 when an instance's metrics cannot be read.
     */
    Map<String, Long> apiRequestsPerInstance() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (SuiteService service : List.of(SuiteService.INTELLIGENCE, SuiteService.LIAISON,
                SuiteService.PREVENTION)) {
            List<String> urls = suite.urls(service);
            for (int i = 0; i < urls.size(); i++) {
                long total = -1;
                try {
                    HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(urls.get(i)
                            + "/q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (metrics.statusCode() == 200) {
                        total = metrics.body().lines()
                                .filter(l -> l.startsWith("http_server_requests_seconds_count{")
                                        && l.contains("uri=\"/api/"))
                                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                                .sum();
                    }
                } catch (Exception e) {
                    System.out.println("  metrics of " + urls.get(i) + ": " + e);
                }
                result.put(service.id() + "-" + (i + 1), total);
            }
        }
        return result;
    }

    String token(String user) throws Exception {
        HttpResponse<String> response = http.send(tokenRequest(user).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode());
        }
        return matcher.group(1);
    }

    /** {@code crossed} of {@code expected} (stream, other instance's report) pairs delivered the alert. */
    record AlertCheck(boolean ok, List<String> lines, int crossed, int expected) {

        AlertCheck(boolean ok, List<String> lines) {
            this(ok, lines, 0, 1);
        }
    }

    /**
     * Alerts across replicas: the analyst watches an entity and opens an alert stream directly on each intelligence
     * instance; then a report naming the entity is filed directly on each instance. Every stream must deliver the
     * alert of the report filed on the other instance (it was written there: only the database connects them).
     */
    AlertCheck alertsAcrossReplicas() throws Exception {
        System.out.println();
        System.out.println("alerts across the intelligence replicas ...");
        List<String> urls = suite.urls(SuiteService.INTELLIGENCE);
        String analyst = token("analyst");
        HttpResponse<String> entities = http.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/intelligence/entities?limit=1")).header("Authorization", "Bearer " + analyst).build(),
                HttpResponse.BodyHandlers.ofString());
        String entity = firstId(entities.body());
        if (entity == null) {
            return new AlertCheck(false, List.of("no entity to watch (" + entities.statusCode() + "); needs the demo"
                    + " data"));
        }
        HttpResponse<String> watched = http.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/intelligence/watchlist")).header("Authorization", "Bearer " + analyst)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"entityId\":\"" + entity + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (watched.statusCode() / 100 != 2) {
            return new AlertCheck(false, List.of("watch failed: " + watched.statusCode() + " " + watched.body()));
        }
        List<List<String>> received = new ArrayList<>();
        List<java.util.concurrent.CountDownLatch> connected = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<?>> streams = new ArrayList<>();
        for (String url : urls) {
            List<String> lines = new CopyOnWriteArrayList<>();
            java.util.concurrent.CountDownLatch hello = new java.util.concurrent.CountDownLatch(1);
            received.add(lines);
            connected.add(hello);
            streams.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/api/intelligence/alerts/stream"))
                    .header("Authorization", "Bearer " + analyst).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                        // "event:connected" or "event: connected" (both are the same field)
                        if (line.startsWith("event:") && line.substring(6).trim().equals("connected")) {
                            hello.countDown();
                        }
                        lines.add(line);
                    })));
        }
        for (int i = 0; i < urls.size(); i++) {
            if (!connected.get(i).await(30, TimeUnit.SECONDS)) {
                // judged by the alerts below; what the stream did send is printed
                System.out.println("  no \"connected\" event yet on " + urls.get(i) + ": " + received.get(i));
            }
        }
        List<String> markers = new ArrayList<>();
        for (String url : urls) {
            String marker = "soak-alert-" + UUID.randomUUID();
            markers.add(marker);
            HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create(url + "/api/intelligence/reports"))
                    .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"sourceType":"HUMINT","reliability":"C","credibility":3,"collectedAt":"%s",
                             "language":"en","title":"%s","body":"Soak alert check %s","classification":"RESTRICTED",
                             "mentions":["%s"]}""".formatted(Instant.now(), marker, marker, entity))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (filed.statusCode() != 201) {
                return new AlertCheck(false, List.of("report on " + url + ": " + filed.statusCode() + " "
                        + filed.body()));
            }
        }
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        int crossed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < urls.size(); i++) {
            for (int j = 0; j < urls.size(); j++) {
                if (i == j) {
                    continue;
                }
                String marker = markers.get(j);
                List<String> seen = received.get(i);
                while (seen.stream().noneMatch(l -> l.startsWith("data:") && l.contains(marker))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                boolean got = seen.stream().anyMatch(l -> l.startsWith("data:") && l.contains(marker));
                ok &= got;
                crossed += got ? 1 : 0;
                lines.add("stream on instance " + (i + 1) + " (" + urls.get(i) + ") " + (got ? "received" : "MISSED")
                        + " the alert of the report filed on instance " + (j + 1));
            }
        }
        streams.forEach(stream -> stream.cancel(true));
        return new AlertCheck(ok, lines, crossed, urls.size() * (urls.size() - 1));
    }

    static final class Reconciliation {
        int found;
        final List<String> lost = new ArrayList<>();
        final Map<String, Integer> perKind = new LinkedHashMap<>();
        int submissions;
        int delivered;
    }

    /** Reads every acknowledged record back from its service's database (superuser, below the services). */
    Reconciliation reconcile() throws Exception {
        Reconciliation result = new Reconciliation();
        Map<Op, String[]> queries = new LinkedHashMap<>();
        queries.put(Op.INTEL_WRITE, new String[] { "intelligence",
            "select id::text, title from report where id = any(?::uuid[])" });
        queries.put(Op.LIAISON_WRITE, new String[] { "liaison",
            "select id::text, code from partner where id = any(?::uuid[])" });
        queries.put(Op.PARTNER_SUBMIT, new String[] { "liaison",
            "select id::text, title from partner_submission where id = any(?::uuid[])" });
        queries.put(Op.PREVENTION_WRITE, new String[] { "prevention",
            "select id::text, name from programme where id = any(?::uuid[])" });
        queries.put(Op.LIAISON_WARNING, new String[] { "liaison",
            "select id::text, title from warning where id = any(?::uuid[])" });
        queries.put(Op.GATEWAY_WRITE, new String[] { "gateway",
            "select username, username from directory_user where username = any(?::text[])" });
        for (Map.Entry<Op, String[]> entry : queries.entrySet()) {
            List<Ack> mine = acks.stream().filter(a -> a.op() == entry.getKey()).toList();
            result.perKind.put(entry.getKey().name(), mine.size());
            Map<String, String> stored = new HashMap<>();
            try (Connection c = suite.database().superuserConnection(entry.getValue()[0]);
                    PreparedStatement s = c.prepareStatement(entry.getValue()[1])) {
                Array ids = c.createArrayOf("text", mine.stream().map(Ack::id).toArray());
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            for (Ack ack : mine) {
                if (ack.id() != null && ack.marker().equals(stored.get(ack.id()))) {
                    result.found++;
                } else {
                    result.lost.add(ack + " stored: " + stored.get(ack.id()));
                }
            }
        }
        // partner submissions travel on through the outbox (every 5 s, backoff up to 5 min after a failure)
        List<String> submissions = acks.stream().filter(a -> a.op() == Op.PARTNER_SUBMIT).map(Ack::id).toList();
        result.submissions = submissions.size();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (true) {
            result.delivered = deliveredSubmissions(submissions);
            if (result.delivered == submissions.size() || System.nanoTime() > deadline) {
                break;
            }
            System.out.printf("  %d of %d partner submissions delivered to intelligence so far; waiting ...%n",
                    result.delivered, submissions.size());
            Thread.sleep(10_000);
        }
        return result;
    }

    /** Submissions that name a report which is in the intelligence database as a PARTNER report with their title. */
    int deliveredSubmissions(List<String> ids) throws Exception {
        Map<String, String> reportOf = new HashMap<>();
        try (Connection c = suite.database().superuserConnection("liaison");
                PreparedStatement s = c.prepareStatement("select report_id::text, title from partner_submission"
                        + " where id = any(?::uuid[]) and report_id is not null")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reportOf.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        int delivered = 0;
        try (Connection c = suite.database().superuserConnection("intelligence");
                PreparedStatement s = c.prepareStatement("select id::text, title from report"
                        + " where id = any(?::uuid[]) and source_type = 'PARTNER'")) {
            s.setArray(1, c.createArrayOf("text", reportOf.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2).equals(reportOf.get(rs.getString(1)))) {
                        delivered++;
                    }
                }
            }
        }
        return delivered;
    }

    static String byStatus(List<Outcome> outcomes) {
        Map<Integer, Long> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.status(), 1L, Long::sum));
        StringBuilder text = new StringBuilder();
        counts.forEach((status, count) -> text.append(text.length() == 0 ? "" : " ").append(status).append('=')
                .append(count));
        return text.toString();
    }

    static double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }

    static String clock(long ms) {
        return String.format("%d:%02d", ms / 60_000, (ms / 1000) % 60);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
