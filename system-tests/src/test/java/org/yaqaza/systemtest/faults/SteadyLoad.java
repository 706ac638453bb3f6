package org.yaqaza.systemtest.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;

/**
 * A light, steady load through the gateway: one thread per domain service sends a request every {@code period}
 * (a cheap list read, and every third request a write that creates a record with a unique marker). Every answer is
 * kept (when it was sent, status, content type, {@code Retry-After}, duration); every write answered 2xx is kept as
 * acknowledged, so that a test can check afterwards that each one is still there.
 */
final class SteadyLoad implements AutoCloseable {

    /** The three domain services, as a client sees them through the gateway. */
    enum Target {
        INTELLIGENCE("/api/intelligence/reports?limit=5", "/api/intelligence/reports", "/api/intelligence/reports/"),
        LIAISON("/api/liaison/partners?limit=5", "/api/liaison/partners", "/api/liaison/partners/"),
        PREVENTION("/api/prevention/programmes?limit=5", "/api/prevention/programmes", "/api/prevention/programmes/");

        final String readPath;
        final String writePath;
        final String itemPath;

        Target(String readPath, String writePath, String itemPath) {
            this.readPath = readPath;
            this.writePath = writePath;
            this.itemPath = itemPath;
        }

        /** A new record whose distinctive field is {@code marker}. */
        String body(String marker) {
            return switch (this) {
                case INTELLIGENCE -> """
                        {"sourceType":"HUMINT","reliability":"B","credibility":2,"collectedAt":"2026-05-01T08:00:00Z",
                         "language":"ar","title":"%s","body":"تقرير اختبار الأعطال %s","classification":"RESTRICTED"}"""
                        .formatted(marker, marker);
                case LIAISON -> """
                        {"code":"%s","country":"ES","serviceName":"Fault test partner %s","status":"ACTIVE",
                         "classification":"RESTRICTED"}""".formatted(marker, marker);
                case PREVENTION -> """
                        {"kind":"YOUTH_OUTREACH","name":"%s","region":"Tanger-Tetouan-Al Hoceima","capacity":20,
                         "classification":"RESTRICTED"}""".formatted(marker);
            };
        }

        /** The JSON field of a stored record that carries the marker. */
        String markerField() {
            return switch (this) {
                case INTELLIGENCE -> "title";
                case LIAISON -> "code";
                case PREVENTION -> "name";
            };
        }
    }

    /** One answer (or failure: status -1) as the client saw it; times in ms since the load started. */
    record Outcome(Target target, boolean write, long sentAtMs, long tookMs, int status, String contentType,
            String retryAfter, String body) {
    }

    /** A write the service acknowledged with 2xx. */
    record AckedWrite(Target target, String id, String marker, long sentAtMs) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String gateway;
    private final Map<Target, String> tokens;
    private final Duration period;
    private final Duration requestTimeout;
    private final long startNanos = System.nanoTime();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final List<AckedWrite> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<Target, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SteadyLoad(String gateway, Map<Target, String> tokens, Duration period, Duration requestTimeout) {
        this.gateway = gateway;
        this.tokens = Map.copyOf(tokens);
        this.period = period;
        this.requestTimeout = requestTimeout;
    }

    SteadyLoad start() {
        for (Target target : Target.values()) {
            counters.put(target, new AtomicInteger());
            Thread thread = new Thread(() -> drive(target), "steady-load-" + target.name().toLowerCase());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void drive(Target target) {
        long next = System.nanoTime();
        while (running) {
            boolean write = counters.get(target).incrementAndGet() % 3 == 0;
            send(target, write);
            next += period.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // a slow answer: carry on at the period, do not burst to catch up
            }
        }
    }

    private void send(Target target, boolean write) {
        String marker = write ? "ft-" + UUID.randomUUID() : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + (write ? target.writePath
                : target.readPath))).timeout(requestTimeout).header("Authorization", "Bearer " + tokens.get(target));
        if (write) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(target.body(marker)));
        } else {
            request.GET();
        }
        long sent = System.nanoTime();
        long sentAtMs = (sent - startNanos) / 1_000_000;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - sent) / 1_000_000;
            int status = response.statusCode();
            outcomes.add(new Outcome(target, write, sentAtMs, took, status,
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    status >= 300 ? abbreviate(response.body()) : null));
            if (write && status >= 200 && status < 300) {
                acknowledged.add(new AckedWrite(target, JsonPath.from(response.body()).getString("id"), marker,
                        sentAtMs));
            }
        } catch (IOException e) {
            outcomes.add(new Outcome(target, write, sentAtMs, (System.nanoTime() - sent) / 1_000_000, -1, "", null,
                    e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    /** Milliseconds since the load started (the time base of the outcomes). */
    long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    List<Outcome> outcomes(Target target, long fromMs, long toMs) {
        return outcomes.stream().filter(o -> o.target() == target && o.sentAtMs() >= fromMs && o.sentAtMs() < toMs)
                .toList();
    }

    List<AckedWrite> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Waits until {@code target} has answered {@code count} requests in a row that match, sent after {@code fromMs}. */
    long awaitRun(Target target, long fromMs, int count, Predicate<Outcome> matches, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Outcome> seen = outcomes(target, fromMs, Long.MAX_VALUE);
            int run = 0;
            for (Outcome outcome : seen) {
                run = matches.test(outcome) ? run + 1 : 0;
                if (run == count) {
                    return outcome.sentAtMs();
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(requestTimeout.toMillis() + 2_000);
        }
    }
}
