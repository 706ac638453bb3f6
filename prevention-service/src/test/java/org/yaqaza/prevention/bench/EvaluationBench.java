package org.yaqaza.prevention.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.EmbeddedDatabase;
import org.yaqaza.testsupport.TestIssuer;
import org.yaqaza.prevention.identity.IdentityCipher;

/**
 * Evaluation latency at scale (run by bench/prevention.sh, not by the test suite): for each size, a real embedded
 * PostgreSQL, the packaged service as its own process, a programme created through the API, then N participants
 * with encrypted identities, their enrolments, 4 N attendance records, releases and re-offences loaded in bulk,
 * and timed evaluation requests over HTTP: repeated ones (answered from the evaluation cache after the first) and
 * uncached ones (a different as-of month each run, so each is computed).
 */
public final class EvaluationBench {

    /**
     * -Dbench.sizes=50000,500000 (the default): participants per run, each in a fresh database, with 4 attendance
     * records each; -Dbench.participants=N (and -Dbench.attendance=M) for one size only.
     */
    private static final int[] SIZES = System.getProperty("bench.participants") != null
            ? new int[] { Integer.getInteger("bench.participants") }
            : Arrays.stream(System.getProperty("bench.sizes", "50000,500000").split(",")).map(String::strip)
                    .mapToInt(Integer::parseInt).toArray();
    private static final int EDITIONS = 4;
    private static final int RUNS = Integer.getInteger("bench.runs", 30);
    /** -Dbench.baseline=DIR: a quarkus-app directory of an earlier build, timed alternately with this one. */
    private static final String BASELINE = System.getProperty("bench.baseline");
    /** -Dbench.hold=FILE: keep database and service running (for EXPLAIN with psql) until FILE is deleted. */
    private static final String HOLD = System.getProperty("bench.hold");
    /** -Dbench.explain=true: print EXPLAIN (ANALYZE, BUFFERS) of the evaluation query before timing. */
    private static final boolean EXPLAIN = Boolean.getBoolean("bench.explain");

    private static final BenchGoals GOALS = new BenchGoals("prevention");
    /** Per request label, the first size measured and its p95 (ms): the base of the next sizes' growth factors. */
    private static final Map<String, double[]> FIRST_P95 = new java.util.HashMap<>();

    private EvaluationBench() {
    }

    public static void main(String[] args) throws Exception {
        for (int participants : SIZES) {
            int attendance = Integer.getInteger("bench.attendance", 4 * participants);
            System.out.printf("== %,d participants, %,d attendance records (goal: p95 < %,d ms)%n", participants,
                    attendance, goal(participants));
            run(participants, attendance);
        }
        System.exit(GOALS.finish());
    }

    /** Issue 21: p95 under 250 ms up to 50,000 participants, under 1 s above. */
    private static int goal(int participants) {
        return participants > 50_000 ? 1_000 : 250;
    }

    private static void run(int participants, int attendance) throws Exception {
        Path dir = Files.createTempDirectory("yaqaza-bench-pg");
        Process service = null;
        Process baseline = null;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, true);
                TestIssuer issuer = new TestIssuer("https://yaqaza.bench/auth")) {
            EmbeddedDatabase.ServiceDatabase sdb = db.ensureServiceDatabase("prevention", "owner-bench", "app-bench");
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            String key = Base64.getEncoder().encodeToString(raw);
            Map<String, String> props = new java.util.LinkedHashMap<>(sdb.quarkusProperties());
            props.put("quarkus.flyway.placeholders.appRole", sdb.appUser());
            props.put("yaqaza.security.issuers.builtin.issuer", issuer.issuer());
            props.put("yaqaza.security.issuers.builtin.jwks-url", issuer.jwksUrl());
            props.put("yaqaza.prevention.identity-key", key);
            props.put("yaqaza.prevention.retention.enabled", "false");
            props.put("quarkus.log.level", "WARN");
            int port = freePort();
            long startedAt = System.nanoTime();
            service = startService(new File("target/quarkus-app"), port, props, "target/bench-service.log");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + port;
            waitReady(http, base + "/q/health/ready", service);
            System.out.printf("service started in %.1f s%n", (System.nanoTime() - startedAt) / 1e9);
            String baselineBase = null;
            if (BASELINE != null) {
                // an earlier build of the service on the same database, measured in turn with this one so both
                // see the same machine load; it must not migrate (the schema belongs to the current build)
                Map<String, String> old = new java.util.LinkedHashMap<>(props);
                old.put("quarkus.flyway.migrate-at-start", "false");
                int oldPort = freePort();
                baseline = startService(new File(BASELINE), oldPort, old, "target/bench-baseline.log");
                baselineBase = "http://localhost:" + oldPort;
                waitReady(http, baselineBase + "/q/health/ready", baseline);
                System.out.println("baseline build from " + BASELINE + " started");
            }

            String officer = issuer.token().subject("bench-officer").roles("prevention-officer").clearance("SECRET")
                    .agency("MHAI").sign();
            String programme = field(post(http, base + "/api/prevention/programmes", officer, """
                    {"kind":"PRISON_RECONCILIATION","name":"مصالحة — bench","institution":"Bench prison",
                     "region":"Rabat-Salé-Kénitra","capacity":100000,"classification":"RESTRICTED"}"""), "id");
            List<String> modules = new ArrayList<>();
            for (int m = 0; m < 4; m++) {
                modules.add(field(post(http, base + "/api/prevention/programmes/" + programme + "/modules", officer,
                        "{\"code\":\"M" + m + "\",\"title\":\"Module " + m + "\",\"requiredSessions\":5}"), "id"));
            }
            List<String> editions = new ArrayList<>();
            for (int e = 0; e < EDITIONS; e++) {
                editions.add(field(post(http, base + "/api/prevention/programmes/" + programme + "/editions",
                        officer, "{\"name\":\"Cohort " + (2019 + e) + "\",\"startsOn\":\"" + (2019 + e)
                                + "-02-01\",\"capacity\":20000}"), "id"));
            }
            long loadStart = System.nanoTime();
            load(sdb, key, editions, modules, participants, attendance);
            System.out.printf("loaded %,d participants and %,d attendance records in %.1f s%n", participants,
                    attendance, (System.nanoTime() - loadStart) / 1e9);

            String analyst = issuer.token().subject("bench-analyst").roles("analyst").clearance("SECRET")
                    .agency("MHAI").sign();
            String[][] requests = {
                { "programme evaluation JSON (4 editions + overall)", "/api/prevention/programmes/" + programme
                        + "/evaluation", officer },
                { "programme evaluation SVG", "/api/prevention/programmes/" + programme + "/evaluation.svg",
                        analyst },
                { "edition evaluation JSON", "/api/prevention/editions/" + editions.get(0) + "/evaluation",
                        officer } };
            System.out.printf("load average before measuring: %s (%d cores)%n", loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            if (EXPLAIN) {
                explain(sdb, programme, editions.get(0));
            }
            String today = "?asOf=" + LocalDate.now();
            for (String[] r : requests) {
                // uncached: run i asks as of the end of the month i + 1 months back (a different key each time, for
                // staff and for readers under disclosure control alike), so every answer is computed
                java.util.function.IntFunction<String> uncached = i -> r[1] + "?asOf="
                        + LocalDate.now().minusMonths(i + 1L).withDayOfMonth(1).plusMonths(1).minusDays(1);
                measure(http, r[0] + ", uncached", participants, base, baselineBase, uncached, r[2]);
                measure(http, r[0] + ", repeated (cached)", participants, base, baselineBase, i -> r[1] + today,
                        r[2]);
            }
            if (HOLD != null) {
                Path hold = Path.of(HOLD);
                Files.writeString(hold, "psql -h localhost -p " + db.port() + " -U postgres prevention\n"
                        + "programme " + programme + "\nedition " + editions.get(0) + "\n");
                System.out.println("holding: database on port " + db.port() + ", service on " + port
                        + "; delete " + hold + " to finish");
                while (Files.exists(hold)) {
                    Thread.sleep(1000);
                }
            }
        } finally {
            for (Process p : new Process[] { service, baseline }) {
                if (p != null) {
                    p.destroy();
                    p.waitFor();
                }
            }
        }
    }

    private static void load(EmbeddedDatabase.ServiceDatabase sdb, String key, List<String> editions,
            List<String> modules, int participants, int attendance) throws Exception {
        IdentityCipher cipher = new IdentityCipher("k1", key, Map.of());
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        try (Connection c = DriverManager.getConnection(sdb.jdbcUrl() + "?reWriteBatchedInserts=true",
                sdb.appUser(), sdb.appPassword())) {
            c.setAutoCommit(false);
            // sessions: 4 modules x 5 per edition
            UUID[][] sessions = new UUID[EDITIONS][20];
            try (PreparedStatement s = c.prepareStatement("insert into session (id, edition_id, module_id, held_on,"
                    + " created_at) values (?, ?, ?, ?, now())")) {
                for (int e = 0; e < EDITIONS; e++) {
                    for (int i = 0; i < 20; i++) {
                        sessions[e][i] = UUID.randomUUID();
                        s.setObject(1, sessions[e][i]);
                        s.setObject(2, UUID.fromString(editions.get(e)));
                        s.setObject(3, UUID.fromString(modules.get(i / 5)));
                        s.setObject(4, LocalDate.of(2019 + e, 2, 1).plusDays(7L * i));
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            PreparedStatement p = c.prepareStatement("insert into participant (id, classification, compartments,"
                    + " owner_agency, shared_with, created_at, created_by, version, code, full_name_ar,"
                    + " full_name_latin, national_id, birth_date) values (?, 2, '{}', 'MHAI', '{}', now(), 'bench',"
                    + " 0, ?, ?, ?, ?, ?)");
            PreparedStatement en = c.prepareStatement("insert into enrolment (id, edition_id, participant_id, state,"
                    + " voluntary, applied_on, enrolled_on, ended_on, created_at, updated_at, version) values"
                    + " (?, ?, ?, ?, true, ?, ?, ?, now(), now(), 0)");
            PreparedStatement at = c.prepareStatement("insert into attendance (session_id, enrolment_id, status)"
                    + " values (?, ?, ?)");
            PreparedStatement rel = c.prepareStatement("insert into release_record (id, participant_id,"
                    + " enrolment_id, released_on, follow_up_ended_on, created_at) values (?, ?, ?, ?, ?, now())");
            PreparedStatement off = c.prepareStatement("insert into reoffence (id, participant_id, occurred_on, kind,"
                    + " created_at) values (?, ?, ?, 'OTHER', now())");
            int perParticipant = Math.min(20, attendance / participants);
            long started = System.nanoTime();
            for (int i = 0; i < participants; i++) {
                UUID id = UUID.randomUUID();
                p.setObject(1, id);
                p.setString(2, String.format("YQ-B%07d", i));
                p.setBytes(3, cipher.encrypt("مشارك " + i, "participant:" + id + ":full_name_ar"));
                p.setBytes(4, cipher.encrypt("Participant " + i, "participant:" + id + ":full_name_latin"));
                p.setBytes(5, cipher.encrypt("BN" + (100000 + i), "participant:" + id + ":national_id"));
                p.setBytes(6, cipher.encrypt("1985-01-01", "participant:" + id + ":birth_date"));
                p.addBatch();
                int e = i % EDITIONS;
                LocalDate start = LocalDate.of(2019 + e, 2, 1);
                String state = random.nextDouble() < 0.8 ? "COMPLETED" : random.nextBoolean() ? "WITHDRAWN"
                        : "EXCLUDED";
                UUID enrolment = UUID.randomUUID();
                en.setObject(1, enrolment);
                en.setObject(2, UUID.fromString(editions.get(e)));
                en.setObject(3, id);
                en.setString(4, state);
                en.setObject(5, start.minusDays(30));
                en.setObject(6, start);
                en.setObject(7, start.plusMonths(6));
                en.addBatch();
                int[] picks = random.ints(0, 20).distinct().limit(perParticipant).toArray();
                Arrays.sort(picks);
                for (int pick : picks) {
                    at.setObject(1, sessions[e][pick]);
                    at.setObject(2, enrolment);
                    at.setString(3, random.nextDouble() < 0.85 ? "PRESENT" : "ABSENT");
                    at.addBatch();
                }
                LocalDate released = start.plusMonths(6).plusDays(random.nextInt(900));
                if (released.isBefore(today)) {
                    LocalDate ended = random.nextInt(6) == 0 ? released.plusDays(100 + random.nextInt(700)) : null;
                    rel.setObject(1, UUID.randomUUID());
                    rel.setObject(2, id);
                    rel.setObject(3, enrolment);
                    rel.setObject(4, released);
                    rel.setObject(5, ended != null && ended.isBefore(today) ? ended : null);
                    rel.addBatch();
                    long days = (long) (-Math.log(1 - random.nextDouble()) / (-Math.log(0.8) / 1095));
                    if (released.plusDays(days).isBefore(today)) {
                        off.setObject(1, UUID.randomUUID());
                        off.setObject(2, id);
                        off.setObject(3, released.plusDays(Math.max(1, days)));
                        off.addBatch();
                    }
                }
                if (i % 5000 == 4999) {
                    for (PreparedStatement s : new PreparedStatement[] { p, en, at, rel, off }) {
                        s.executeBatch();
                    }
                    c.commit();
                }
                if (i % 50_000 == 49_999 && i + 1 < participants) {
                    // long loads (500,000 participants: minutes on a loaded machine) say how far they are
                    System.out.printf("    loaded %,d of %,d participants (%.0f s)%n", i + 1, participants,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            for (PreparedStatement s : new PreparedStatement[] { p, en, at, rel, off }) {
                s.executeBatch();
                s.close();
            }
            c.commit();
            c.setAutoCommit(true);
            System.out.printf("    vacuum analyze (%.0f s so far)%n", (System.nanoTime() - started) / 1e9);
            try (Statement s = c.createStatement()) {
                for (String table : new String[] { "participant", "enrolment", "attendance", "session",
                        "release_record", "reoffence" }) {
                    // vacuum as autovacuum would soon after a bulk load: fresh statistics and a visibility map
                    s.execute("vacuum analyze " + table);
                }
            }
        }
    }

    /**
     * Times {@code path} of run i on {@code base} (and on {@code baselineBase} in alternation, if given): p50, p95,
     * max, load average. Warm-up run i (5 of them) asks for {@code path.apply(RUNS + i)}.
     */
    private static void measure(HttpClient http, String label, int participants, String base, String baselineBase,
            java.util.function.IntFunction<String> path, String token) throws Exception {
        String[] bases = baselineBase == null ? new String[] { base } : new String[] { base, baselineBase };
        int count = bases.length;
        boolean[] dropped = new boolean[count];
        for (int i = 0; i < 5; i++) {
            for (int k = 0; k < count; k++) {
                if (dropped[k]) {
                    continue;
                }
                long t = System.nanoTime();
                try {
                    get(http, bases[k] + path.apply(RUNS + i), token);
                } catch (IllegalStateException | java.io.IOException failed) {
                    System.out.printf("    %swarm-up failed after %.1f s: %s%n", k == 0 ? "" : "[baseline] ",
                            (System.nanoTime() - t) / 1e9, failed.getMessage().lines().findFirst().orElse(""));
                    // a baseline that cannot answer in time is reported as such, not waited for 20 more times
                    dropped[k] = k > 0;
                }
            }
        }
        long[][] nanos = new long[count][RUNS];
        int[] chars = new int[count];
        int[] failures = new int[count];
        String loadBefore = loadAverage();
        for (int i = 0; i < RUNS; i++) {
            for (int k = 0; k < count; k++) {
                if (dropped[k]) {
                    continue;
                }
                long t = System.nanoTime();
                try {
                    chars[k] = get(http, bases[k] + path.apply(i), token).length();
                } catch (IllegalStateException | java.io.IOException failed) {
                    // counted with its elapsed time: a timeout under load is a result, not a reason to stop
                    failures[k]++;
                    System.out.println("    failed: " + failed.getMessage().lines().findFirst().orElse(""));
                }
                nanos[k][i] = System.nanoTime() - t;
            }
        }
        String loadAfter = loadAverage();
        for (int k = 0; k < count; k++) {
            if (dropped[k]) {
                System.out.printf("%-70s not timed: it failed during warm-up (see above)%n", "[baseline] " + label);
                continue;
            }
            long[] n = nanos[k];
            Arrays.sort(n);
            System.out.printf("%-70s p50 %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%d runs, %,d chars%s)%n",
                    (k == 0 ? "" : "[baseline] ") + label, n[RUNS / 2] / 1e6,
                    n[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, n[RUNS - 1] / 1e6, RUNS, chars[k],
                    failures[k] == 0 ? "" : ", " + failures[k] + " FAILED");
        }
        System.out.printf("    load average (1/5/15 min) before: %s   after: %s%n", loadBefore, loadAfter);
        // a request that failed has no latency: the goal is then missed, whatever the others took
        double p95 = failures[0] == 0 ? nanos[0][(int) Math.ceil(RUNS * 0.95) - 1] / 1e6 : Double.NaN;
        GOALS.below(String.format(java.util.Locale.ROOT, "%s p95 at %,d participants", label, participants), p95,
                "ms", goal(participants));
        double[] first = FIRST_P95.putIfAbsent(label, new double[] { participants, p95 });
        if (first != null) {
            // issue 21: how the same request's p95 grew with the programme (each size in a fresh database)
            GOALS.info(String.format(java.util.Locale.ROOT, "%s p95 growth, %,d over %,d participants", label,
                    participants, (int) first[0]), p95 / first[1], "x");
        }
    }

    /** The plan of the evaluation query as the service runs it (same settings, an officer of MHAI, SECRET). */
    private static void explain(EmbeddedDatabase.ServiceDatabase sdb, String programme, String edition)
            throws Exception {
        Map<String, String> literals = Map.of("programme", "'" + programme + "'", "edition", "'" + edition + "'",
                "asOf", "'" + LocalDate.now() + "'", "yzClearance", "3::smallint", "yzCompartments", "''",
                "yzAgency", "'MHAI'");
        try (Connection c = DriverManager.getConnection(sdb.jdbcUrl(), sdb.appUser(), sdb.appPassword())) {
            c.setAutoCommit(false);
            for (boolean one : new boolean[] { false, true }) {
                String sql = org.yaqaza.prevention.repository.EvaluationRepository.query(one);
                for (Map.Entry<String, String> l : literals.entrySet()) {
                    sql = sql.replaceAll(":" + l.getKey() + "\\b", Matcher.quoteReplacement(l.getValue()));
                }
                try (Statement s = c.createStatement()) {
                    s.executeQuery(org.yaqaza.prevention.repository.EvaluationRepository.SESSION_SETTINGS).close();
                    System.out.println("== EXPLAIN (ANALYZE, BUFFERS) " + (one ? "one edition" : "whole programme"));
                    try (java.sql.ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
                        while (rs.next()) {
                            System.out.println(rs.getString(1));
                        }
                    }
                }
                c.rollback();
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static Process startService(File app, int port, Map<String, String> props, String log)
            throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx1g"));
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(new File(app, "quarkus-run.jar").getAbsolutePath());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log)).start();
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static void waitReady(HttpClient http, String url, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("service exited; see target/bench-service.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready within 3 minutes; see target/bench-service.log");
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
