// Benchmark of liaison-service: TAXII objects/ page latency at each size (100,000 then grown to 1,000,000 objects by
// default) with the growth factor of its p95, and release throughput.
// Started by bench/liaison.sh (which builds what is missing and puts test-support and the launcher on the class path).
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.EmbeddedDatabase;
import org.yaqaza.testsupport.TestIssuer;

public class LiaisonBench {

    /** The sizes measured in turn, ascending: the collection is grown from one to the next (-Dsizes=100000,1000000). */
    static final List<Integer> SIZES = sizes(System.getProperty("sizes", System.getProperty("objects", "100000")));
    /** Rows inserted per statement while growing: one progress line each. */
    static final int BATCH = 100_000;
    static final int PAGE = 100;
    static final int RELEASES = Integer.getInteger("releases", 300);
    static final int CLIENTS = Integer.getInteger("clients", 4);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TYPE_INDICATOR = Pattern.compile("\"type\"\\s*:\\s*\"indicator\"");

    /** Each figure beside its goal; a missed goal makes the exit status 1. */
    static final BenchGoals GOALS = new BenchGoals("liaison");

    public static void main(String[] args) {
        int status = 0;
        try {
            run(Path.of(args[0]));
            status = GOALS.finish();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // HTTP client and JDK server threads must not keep the bench alive
        System.exit(status);
    }

    static void run(Path jar) throws Exception {
        Path work = Files.createTempDirectory("yaqaza-liaison-bench");
        System.out.println("starting embedded PostgreSQL in " + work);
        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("pg"), 0, true);
        TestIssuer issuer = new TestIssuer("https://bench.yaqaza.test/auth");
        HttpServer products = productStub();
        Process service = null;
        try {
            EmbeddedDatabase.ServiceDatabase sdb = db.ensureServiceDatabase("liaison", "bench-owner", "bench-app");
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx768m"));
            sdb.quarkusProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(List.of("-Dquarkus.flyway.placeholders.appRole=" + sdb.appUser(),
                    "-Dquarkus.http.port=" + port,
                    "-Dyaqaza.security.issuers.builtin.issuer=" + issuer.issuer(),
                    "-Dyaqaza.security.issuers.builtin.jwks-url=" + issuer.jwksUrl(),
                    "-Dquarkus.rest-client.intelligence.url=http://127.0.0.1:" + products.getAddress().getPort(),
                    "-Dquarkus.log.level=WARN",
                    "-jar", jar.toString()));
            service = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("service.log").toFile()).start();
            String base = "http://127.0.0.1:" + port;
            waitReady(base, service, work.resolve("service.log"));
            System.out.println("liaison-service ready on " + base);

            String officer = officerToken(issuer);
            String code = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            String partnerId = field(post(base + "/api/liaison/partners", officer, """
                    {"code":"%s","country":"ES","serviceName":"Bench partner","status":"ACTIVE",
                     "classification":"RESTRICTED","clientIds":["%s-client"]}""".formatted(code, code), 201), ID);
            post(base + "/api/liaison/partners/" + partnerId + "/agreements", officer, """
                    {"reference":"bench","ceiling":"SECRET","categories":["TERRORISM"],"validFrom":"2020-01-01",
                     "status":"ACTIVE"}""", 201);

            int loaded = 0;
            double firstP95 = Double.NaN;
            for (int size : SIZES) {
                load(sdb, code, loaded, size);
                loaded = size;
                explainDeepPage(sdb, code, size);
                double p95 = pageLatency(base, issuer, code);
                if (Double.isNaN(firstP95)) {
                    firstP95 = p95;
                } else {
                    // how the page's tail grows with the collection (keyset paging should keep it near 1)
                    GOALS.info(String.format(Locale.ROOT, "TAXII page p95 growth factor, %,d → %,d objects",
                            SIZES.get(0), size), p95 / firstP95, "×");
                }
            }
            // a fresh token: the page walk can outlast the first one on a busy machine
            releaseThroughput(base, officerToken(issuer), code);
            System.out.println("machine load average at the end: " + loadAverage());
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            products.stop(0);
            issuer.close();
            db.close();
        }
    }

    static List<Integer> sizes(String setting) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : setting.split("[,\\s]+")) {
            if (!size.isBlank()) {
                sizes.add(Integer.parseInt(size.replace("_", "")));
            }
        }
        Collections.sort(sizes);
        if (sizes.isEmpty() || sizes.get(0) <= 0) {
            throw new IllegalArgumentException("sizes: positive object counts expected, got '" + setting + "'");
        }
        return List.copyOf(sizes);
    }

    /**
     * Grows the partner's collection from {@code from} to {@code to} indicator objects, as the service would store
     * them: bulk SQL in batches of {@link #BATCH}, a progress line (rate, ETA) after each.
     */
    static void load(EmbeddedDatabase.ServiceDatabase sdb, String code, int from, int to) throws Exception {
        long t0 = System.nanoTime();
        UUID collection = UUID.nameUUIDFromBytes(("yaqaza:taxii:releases:" + code).getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection(sdb.jdbcUrl(), sdb.appUser(), sdb.appPassword());
                PreparedStatement s = c.prepareStatement("""
                        insert into taxii_object (collection_id, partner_code, stix_id, stix_type, spec_version,
                            stix_version, date_added, object)
                        select ?, ?, x.id, 'indicator', '2.1', '2026-01-01T00:00:00.000Z',
                               clock_timestamp() + x.g * interval '1 microsecond',
                               jsonb_build_object('type', 'indicator', 'spec_version', '2.1', 'id', x.id,
                                   'created', '2026-01-01T00:00:00.000Z', 'modified', '2026-01-01T00:00:00.000Z',
                                   'name', 'Bench indicator ' || x.g, 'pattern_type', 'stix',
                                   'pattern', '[ipv4-addr:value = ''10.' || (x.g / 65536) % 256 || '.'
                                       || (x.g / 256) % 256 || '.' || x.g % 256 || ''']',
                                   'valid_from', '2026-01-01T00:00:00.000Z')
                        from (select 'indicator--' || gen_random_uuid() as id, g
                              from generate_series(?, ?) g) x order by x.g""")) {
            for (int done = from; done < to; ) {
                int upTo = Math.min(to, done + BATCH);
                s.setObject(1, collection);
                s.setString(2, code);
                s.setInt(3, done + 1);
                s.setInt(4, upTo);
                s.executeUpdate();
                done = upTo;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double rate = (done - from) / seconds;
                System.out.printf(Locale.ROOT, "  loading TAXII objects: %,d of %,d (%,.0f objects/s, ETA %.0f s)%n",
                        done, to, rate, (to - done) / rate);
            }
        }
        // statistics as a running system would have them (only the owner may ANALYZE; autovacuum would, later)
        try (Connection c = DriverManager.getConnection(sdb.jdbcUrl(), sdb.ownerUser(), sdb.ownerPassword());
                Statement st = c.createStatement()) {
            st.execute("analyze taxii_object");
        }
        System.out.printf("loaded %,d TAXII objects (now %,d) in %.1f s%n", to - from, to,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Walks the whole collection with limit=100 (every page, deep ones included), reports p50/p95; the p95. */
    static double pageLatency(String base, TestIssuer issuer, String code) throws Exception {
        String collection = UUID.nameUUIDFromBytes(("yaqaza:taxii:releases:" + code)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String url = base + "/taxii2/liaison/collections/" + collection + "/objects/?limit=" + PAGE;
        String token = partnerToken(issuer, code);
        // warm-up: 300 pages walked (from the start again at the end), deep ones included, so that the first size's
        // figure is not the JIT's and the growth factor compares like with like
        String warm = null;
        for (int i = 0; i < 300; i++) {
            Matcher m = NEXT.matcher(get(warm == null ? url : url + "&next=" + warm, token));
            warm = m.find() ? m.group(1) : null;
        }
        List<Double> ms = new ArrayList<>();
        String next = null;
        int objects = 0;
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        do {
            if (System.nanoTime() - started > Duration.ofMinutes(8).toNanos()) {
                token = partnerToken(issuer, code);
                started = System.nanoTime();
            }
            long t = System.nanoTime();
            String body = get(next == null ? url : url + "&next=" + next, token);
            ms.add((System.nanoTime() - t) / 1e6);
            Matcher m = NEXT.matcher(body);
            next = m.find() ? m.group(1) : null;
            objects += count(body, TYPE_INDICATOR);
        } while (next != null);
        Collections.sort(ms);
        List<Double> root = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long t = System.nanoTime();
            get(base + "/taxii2/liaison/", token);
            root.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(root);
        String loadAfter = loadAverage();
        System.out.printf("for comparison, TAXII API root (token check, partner check, audit event, no object "
                + "query): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(root, 50), pct(root, 95), pct(root, 99));
        System.out.printf("TAXII objects/ page latency (limit %d, %,d objects, %d pages walked): p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms%n", PAGE, objects, ms.size(), pct(ms, 50), pct(ms, 99),
                ms.get(ms.size() - 1));
        GOALS.below(String.format(Locale.ROOT, "TAXII objects/ page p95 (limit %d) at %,d objects", PAGE, objects),
                pct(ms, 95), "ms", 25);
        System.out.println("machine load average (1/5/15 min) before the walk: " + loadBefore + "; after: "
                + loadAfter);
        return pct(ms, 95);
    }

    /**
     * The database's own time for a page in the middle of the collection (separates SQL from HTTP and load): the
     * query the service runs, with its plan and buffers. Works against the schema before and after V3 (the
     * {@code latest} mark), so the same bench compares both builds.
     */
    static void explainDeepPage(EmbeddedDatabase.ServiceDatabase sdb, String code, int objects) throws Exception {
        UUID collection = UUID.nameUUIDFromBytes(("yaqaza:taxii:releases:" + code).getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection(sdb.jdbcUrl(), sdb.appUser(), sdb.appPassword())) {
            boolean latest;
            try (var rs = c.getMetaData().getColumns(null, null, "taxii_object", "latest")) {
                latest = rs.next();
            }
            String sql = latest ? """
                    explain (analyze, buffers, format text)
                    select o.seq, o.stix_id, o.stix_version, o.date_added, o.object from taxii_object o
                    where o.collection_id = ? and o.partner_code = ?
                      and exists (select 1 from partner p where p.code = ? and p.status <> 'ENDED'
                                  and ? = any (p.client_ids))
                      and o.seq > ? and (o.latest)
                    order by o.seq limit 101""" : """
                    explain (analyze, buffers, format text)
                    select o.seq, o.stix_id, o.stix_version, o.date_added, o.object::text from taxii_object o
                    where o.collection_id = ? and o.seq > ?
                      and (o.stix_version = (select max(n.stix_version) from taxii_object n
                           where n.collection_id = o.collection_id and n.stix_id = o.stix_id))
                    order by o.seq limit 101""";
            long middle;
            try (Statement st = c.createStatement();
                    var rs = st.executeQuery("select min(seq) + " + objects / 2 + " from taxii_object")) {
                rs.next();
                middle = rs.getLong(1);
            }
            List<Double> times = new ArrayList<>();
            List<String> plan = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    int i = 1;
                    s.setObject(i++, collection);
                    if (latest) {
                        s.setString(i++, code);
                        s.setString(i++, code);
                        s.setString(i++, code + "-client");
                    }
                    // bound as the service binds next=, so the planner sees the value
                    s.setLong(i, middle);
                    plan.clear();
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            String line = rs.getString(1);
                            plan.add(line);
                            if (line.startsWith("Execution Time")) {
                                times.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                            }
                        }
                    }
                }
            }
            Collections.sort(times);
            System.out.println("plan of a page in the middle of the collection ("
                    + (latest ? "latest mark" : "max() per row") + "):");
            plan.forEach(line -> System.out.println("    " + line));
            System.out.printf("SQL of that page (EXPLAIN ANALYZE, 5 runs): median %.3f ms, min %.3f ms%n",
                    times.get(times.size() / 2), times.get(0));
        }
    }

    static String loadAverage() {
        try (var in = Files.newBufferedReader(Path.of("/proc/loadavg"))) {
            String[] parts = in.readLine().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static String officerToken(TestIssuer issuer) {
        return issuer.token().subject("bench-officer").roles("liaison-officer").clearance("TOP_SECRET")
                .agency("DGST").sign();
    }

    /** Releases drafted and submitted (below SECRET: released at once), by several officers in parallel. */
    static void releaseThroughput(String base, String officer, String code) throws Exception {
        for (int i = 0; i < 20; i++) {
            release(base, officer, code);
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Double>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < RELEASES; i++) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                release(base, officer, code);
                return (System.nanoTime() - t) / 1e6;
            }));
        }
        List<Double> ms = new ArrayList<>();
        for (Future<Double> f : futures) {
            ms.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Collections.sort(ms);
        System.out.printf("release throughput: %d releases, draft+submit+TAXII publish, %d parallel clients; per"
                + " release p50 %.0f ms, p95 %.0f ms%n", RELEASES, CLIENTS, pct(ms, 50), pct(ms, 95));
        GOALS.info("release throughput", RELEASES / seconds, "releases/s");
    }

    static void release(String base, String officer, String code) throws Exception {
        String body = """
                {"productId":"%s","partners":["%s"],"tlp":"AMBER",
                 "indicators":[{"name":"c2","pattern":"[domain-name:value = 'c2.example']"}]}"""
                .formatted(UUID.randomUUID(), code);
        String id = field(post(base + "/api/liaison/releases", officer, body, 201), ID);
        post(base + "/api/liaison/releases/" + id + "/submit", officer, "", 200);
    }

    static String partnerToken(TestIssuer issuer, String code) {
        return issuer.token().subject(code + "-client").roles("partner").partner(code).agency("EXT").sign();
    }

    /** Any product id: UNCLASSIFIED terrorism product (stands in for the intelligence-service). */
    static HttpServer productStub() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/api/intelligence/products/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/api/intelligence/products/".length());
            byte[] body = ("""
                    {"id":"%s","title":"Bench product","summary":"Summary","tearLine":null,"category":"TERRORISM",
                     "classification":"UNCLASSIFIED","compartments":[],"ownerAgency":"DGST","sourceReportIds":[],
                     "originatorPartners":[],"createdAt":"2026-01-01T00:00:00Z","version":1}""".formatted(id))
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        s.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "product-stub");
            t.setDaemon(true);
            return t;
        }));
        s.start();
        return s;
    }

    static void waitReady(String base, Process service, Path log) throws Exception {
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            if (!service.isAlive()) {
                throw new IllegalStateException("liaison-service exited; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("liaison-service not ready after 180 s; see " + log);
    }

    static String get(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/taxii+json;version=2.1")
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String post(String url, String token, String json, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String body, Pattern p) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no match in " + body);
        }
        return m.group(1);
    }

    static int count(String body, Pattern p) {
        int n = 0;
        Matcher m = p.matcher(body);
        while (m.find()) {
            n++;
        }
        return n;
    }

    static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
