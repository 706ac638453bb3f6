// Interactive writes (issue 21, item 4): single report creates through the gateway by 1, 8, 32 concurrent clients,
// with one and with two instances of each domain service on the same database. Started by bench/writes.sh, which
// builds what is missing and puts the launcher (LocalSuite, BenchGoals, the PostgreSQL driver) on the class path.
//
// Each client is its own collector account (the gateway rate-limits per token subject, 100/s by default, as it
// would limit 32 apps or officers one by one). Every create is an audited write: its CREATE event is appended to
// one of the intelligence database's hash chains under that chain's transaction-scoped advisory lock (common
// AuditTrail; yaqaza.audit.chains chains, YAQAZA_AUDIT_CHAINS=1 in the environment gives the single chain of
// before issue 21). While each level runs, a sampler counts the sessions waiting on those locks (pg_stat_activity,
// every 50 ms): if the chains are the ceiling, sessions queue there. At the end every acknowledged create must be
// in the database with exactly one CREATE event, and the chains must verify.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;

public class Writes {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"");
    static final double GOAL_CREATES_PER_SECOND = 500;
    static final int GOAL_CLIENTS = 32;
    static final BenchGoals GOALS = new BenchGoals("writes");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    final List<String> acknowledged = new ArrayList<>();
    LocalSuite suite;
    String gateway;
    /** One account per client: the gateway's rate limit is per token subject (100/s by default), as for apps. */
    List<String> writerTokens;

    public static void main(String[] args) throws Exception {
        // zonky logs every PostgreSQL server line through java.util.logging: noise in the figures
        java.util.logging.LogManager.getLogManager().reset();
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<Integer> replicaCounts = numbers(System.getProperty("replicas", "1,2"));
        List<Integer> clientCounts = numbers(System.getProperty("clients", "1,8,32"));
        int seconds = Integer.getInteger("seconds", 20);
        int warmup = Integer.getInteger("warmup", 5);
        System.out.printf("interactive writes: report creates through the gateway, clients %s, instances %s,"
                + " %d s per level after %d s of warm-up (load %s)%n", clientCounts, replicaCounts, seconds, warmup,
                BenchGoals.load());
        boolean failed = false;
        for (int replicas : replicaCounts) {
            Writes run = new Writes();
            try {
                failed |= !run.run(root, replicas, clientCounts, seconds, warmup);
            } finally {
                if (run.suite != null) {
                    run.suite.stop();
                }
            }
        }
        int status = GOALS.finish();
        System.exit(failed ? 2 : status);
    }

    static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    boolean run(Path root, int replicas, List<Integer> clientCounts, int seconds, int warmup) throws Exception {
        Path data = Files.createTempDirectory("yaqaza-writes");
        String instances = replicas == 1 ? "1 instance" : replicas + " instances";
        System.out.printf("== %s of each domain service (suite data in %s)%n", instances, data);
        suite = LocalSuite.start(SuiteOptions.builder(root).dataDirectory(data).freePorts().demoSeed(false)
                .replicas(replicas).readyTimeout(Duration.ofMinutes(5)).stopOnJvmExit(true)
                .progress(message -> System.out.println("  [suite] " + message)).build());
        gateway = suite.gatewayUrl();
        writerTokens = writers(clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1));
        for (int clients : clientCounts) {
            level(clients, replicas, warmup, false);
            level(clients, replicas, seconds, true);
        }
        return verify(instances);
    }

    /** {@code clients} closed-loop clients creating reports for {@code seconds}; figures only when measured. */
    void level(int clients, int replicas, int seconds, boolean measured) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(clients);
        ChainLockSampler sampler = new ChainLockSampler(suite.database().superuserConnection("intelligence"));
        Thread samplerThread = new Thread(sampler, "chain-lock-sampler");
        long start = System.nanoTime();
        samplerThread.start();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long n = 0;
                while (running.get()) {
                    long sent = System.nanoTime();
                    int status = create(writerTokens.get(client), "writes-" + clients + "-" + client + "-" + n++,
                            ids);
                    if (status >= 200 && status < 300) {
                        latencies.add(System.nanoTime() - sent);
                    } else {
                        failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    }
                }
                done.countDown();
            }, "writer-" + client);
            thread.start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        sampler.stop();
        samplerThread.join();
        synchronized (acknowledged) {
            acknowledged.addAll(ids);
        }
        if (!measured) {
            return;
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String at = clients + (clients == 1 ? " client" : " clients") + (replicas == 1 ? "" : ", " + replicas
                + " instances");
        double rate = sorted.length / elapsed;
        if (clients == GOAL_CLIENTS) {
            GOALS.atLeast("report creates/s, " + at, rate, "/s", GOAL_CREATES_PER_SECOND);
        } else {
            GOALS.info("report creates/s, " + at, rate, "/s");
        }
        GOALS.info("create p50, " + at, percentile(sorted, 50), "ms");
        GOALS.info("create p95, " + at, percentile(sorted, 95), "ms");
        GOALS.info("sessions waiting on the audit chain lock (mean), " + at, sampler.meanWaiting(), "");
        GOALS.info("sessions active in the database (mean), " + at, sampler.meanActive(), "");
        if (!failures.isEmpty()) {
            System.out.println("  not acknowledged (status: count; -1 = no answer): " + new TreeMap<>(failures));
        }
    }

    int create(String token, String marker, List<String> ids) {
        String body = """
                {"sourceType":"HUMINT","reliability":"C","credibility":3,"collectedAt":"%s","language":"ar",
                 "title":"%s","body":"رصد تحركات قرب الميناء، تقرير كتابة تفاعلية %s","classification":"RESTRICTED"}"""
                .formatted(Instant.now(), marker, marker);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/intelligence/reports")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 200 && response.statusCode() < 300) {
                Matcher id = ID.matcher(response.body());
                if (!id.find()) {
                    return -1;
                }
                ids.add(id.group(1));
            }
            return response.statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Every acknowledged create stored once with one CREATE event, and the chain verified by the service. */
    boolean verify(String instances) throws Exception {
        long stored;
        long events;
        long distinct;
        try (Connection c = suite.database().superuserConnection("intelligence")) {
            String[] ids = acknowledged.toArray(String[]::new);
            stored = count(c, "select count(*) from report where id = any(?::uuid[])", ids);
            events = count(c, "select count(*) from audit_event where action = 'CREATE' and object_type = 'report'"
                    + " and object_id = any(?)", ids);
            distinct = count(c, "select count(distinct object_id) from audit_event where action = 'CREATE'"
                    + " and object_type = 'report' and object_id = any(?)", ids);
        }
        HttpResponse<String> chain = http.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/intelligence/audit/verify")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token("auditor", DemoDirectory.demoPassword("auditor"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher status = STATUS.matcher(chain.body());
        String verdict = chain.statusCode() == 200 && status.find() ? status.group(1) : "HTTP " + chain.statusCode();
        long missing = acknowledged.size() - Math.min(stored, Math.min(events, distinct));
        System.out.printf("  %d creates acknowledged (warm-up included): %d stored, %d CREATE events for %d of them;"
                + " intelligence audit chain: %s%n", acknowledged.size(), stored, events, distinct, verdict);
        GOALS.atMost("acknowledged creates missing, or without exactly one chained CREATE event, " + instances,
                missing + (events - distinct), "", 0);
        GOALS.atLeast("intelligence audit chain valid after the run, " + instances, "valid".equals(verdict) ? 1 : 0,
                "", 1);
        return true;
    }

    static long count(Connection c, String sql, String[] ids) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Collector accounts {@code writer-1 … writer-n} (RESTRICTED: no second administrator needed), signed in. */
    List<String> writers(int count) throws Exception {
        String admin = token("admin", DemoDirectory.demoPassword("admin"));
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String user = "writer-" + i;
            String password = "Writes-bench-" + i + "-pw!";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/admin/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"username":"%s","displayName":"Bench writer %d","password":"%s","roles":["collector"],
                             "clearance":"RESTRICTED","agency":"DGST"}""".formatted(user, i, password))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("cannot create " + user + ": " + created.statusCode() + " "
                        + created.body());
            }
            tokens.add(token(user, password));
        }
        return tokens;
    }

    /** A password token; the token endpoint's own rate limit (per address) is waited out. */
    String token(String user, String password) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() == 200 && matcher.find()) {
                return matcher.group(1);
            }
            if (response.statusCode() != 429) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode());
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("no token for " + user + ": still rate-limited after a minute");
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    /** Samples the intelligence database every 50 ms: sessions waiting on an advisory lock, sessions active. */
    static final class ChainLockSampler implements Runnable {
        private final Connection connection;
        private volatile boolean running = true;
        private long samples;
        private long waiting;
        private long active;

        ChainLockSampler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void run() {
            try (connection; PreparedStatement s = connection.prepareStatement("""
                    select count(*) filter (where wait_event_type = 'Lock' and wait_event = 'advisory'),
                           count(*) filter (where state = 'active')
                    from pg_stat_activity where datname = 'intelligence' and pid <> pg_backend_pid()""")) {
                while (running) {
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        waiting += rs.getLong(1);
                        active += rs.getLong(2);
                        samples++;
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                System.out.println("  lock sampler stopped: " + e);
            }
        }

        void stop() {
            running = false;
        }

        double meanWaiting() {
            return samples == 0 ? Double.NaN : (double) waiting / samples;
        }

        double meanActive() {
            return samples == 0 ? Double.NaN : (double) active / samples;
        }
    }
}
