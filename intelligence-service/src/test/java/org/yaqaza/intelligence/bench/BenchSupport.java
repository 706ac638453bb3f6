package org.yaqaza.intelligence.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.yaqaza.launcher.BenchGoals;
import org.yaqaza.launcher.EmbeddedDatabase;
import org.yaqaza.testsupport.TestIssuer;

/** What the benchmark harnesses of this module share: starting the packaged service and reporting figures. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The machine's load while measuring: figures on a shared 2-core host mean little without it. */
    static String load() {
        return "  (load average " + BenchGoals.load() + ")";
    }

    /** The nearest-rank percentile of durations in nanoseconds, in milliseconds. */
    static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Polls the service's readiness until it answers 200; its log is shown when it exits or never gets ready. */
    static void awaitReady(HttpClient http, String base, Process service, Path log, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("service exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready after " + timeout + ":\n" + Files.readString(log));
    }

    /** Starts the packaged service (1 GB heap) on {@code port} against {@code db}, trusting {@code issuer}. */
    static Process startService(Path jar, int port, EmbeddedDatabase.ServiceDatabase db, TestIssuer issuer,
            Path log) throws IOException {
        // BENCH_SERVICE_OPTS: more JVM options for the service (-XX:StartFlightRecording=filename=x.jfr: a profile)
        String extra = System.getenv("BENCH_SERVICE_OPTS");
        return startService(jar, port, db, issuer, log,
                extra == null || extra.isBlank() ? List.of() : Arrays.asList(extra.trim().split("\\s+")));
    }

    /** As above, with more JVM options before the jar (settings, JFR). */
    static Process startService(Path jar, int port, EmbeddedDatabase.ServiceDatabase db, TestIssuer issuer,
            Path log, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g"));
        command.addAll(options);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(),
                "-Dquarkus.datasource.username=" + db.appUser(),
                "-Dquarkus.datasource.password=" + db.appPassword(),
                "-Dquarkus.flyway.username=" + db.ownerUser(),
                "-Dquarkus.flyway.password=" + db.ownerPassword(),
                "-Dquarkus.flyway.placeholders.appRole=" + db.appUser(),
                "-Dyaqaza.security.issuers.builtin.issuer=" + issuer.issuer(),
                "-Dyaqaza.security.issuers.builtin.jwks-url=" + issuer.jwksUrl(),
                "-Dquarkus.log.level=WARN",
                "-jar", jar.toAbsolutePath().toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Stops the service (SIGTERM, killed after 20 s) and the token issuer; either may be null. */
    static void stop(Process service, TestIssuer issuer) throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
