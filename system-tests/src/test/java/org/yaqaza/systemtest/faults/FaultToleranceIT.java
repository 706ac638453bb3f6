package org.yaqaza.systemtest.faults;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.ShortDeadlineSuite;
import org.yaqaza.systemtest.faults.SteadyLoad.AckedWrite;
import org.yaqaza.systemtest.faults.SteadyLoad.Outcome;
import org.yaqaza.systemtest.faults.SteadyLoad.Target;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Faults under a light steady load through the gateway (issue 6, item 5): a service killed with SIGKILL and started
 * again, then PostgreSQL stopped and started on the same port and data. The gateway must answer for the dead
 * service at once with a 503 problem and {@code Retry-After} while the others keep serving; the service's traffic
 * must come back when it is restarted, without restarting anything else; after the database restart every service
 * must recover by itself; and no write acknowledged with 2xx at any time may be lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    /** One request per service every 200 ms: light, but enough to open the gateway's circuit within a second. */
    private static final Duration PERIOD = Duration.ofMillis(200);
    /** Above the gateway's idle timeout (60 s): a stuck upstream is then the gateway's 504, not a client timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(75);
    /** The gateway's defaults (gateway application.properties): connect timeout and circuit pause. */
    private static final long CONNECT_TIMEOUT_MS = 5_000;
    private static final long CIRCUIT_OPEN_MS = 10_000;
    /** Scheduling slack on a shared, loaded machine. */
    private static final long SLACK_MS = 3_000;
    /**
     * How long a freshly restarted JVM may take to answer its first requests (C1 only, classes loading) on a shared
     * 2-core machine: the gateway's circuit lets one trial through per pause, so a slow first answer costs a pause.
     */
    private static final long COLD_START_MS = 60_000;

    private static final Map<Target, String> USERS = Map.of(Target.INTELLIGENCE, "collector",
            Target.LIAISON, "liaison-officer", Target.PREVENTION, "prevention-officer");

    private static LocalSuite suite;
    private static String gateway;
    private static final List<AckedWrite> ACKNOWLEDGED = new CopyOnWriteArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startSuite() {
        // shared with the differential, warning-escalation and backbone tests: suite starts saved (ShortDeadlineSuite)
        suite = ShortDeadlineSuite.acquire(FaultToleranceIT.class);
        gateway = suite.gatewayUrl();
    }

    @AfterAll
    static void stopSuite() {
        ShortDeadlineSuite.release(FaultToleranceIT.class);
    }

    @Test
    @Order(1)
    void aKilledServiceIsA503ProblemAtOnceTheOthersKeepServingAndItsTrafficReturnsWhenItIsRestarted()
            throws Exception {
        Map<SuiteService, Long> pidsBefore = pids();
        long killStarted;
        long killed;
        long restarting;
        long ready;
        long recovered;
        SteadyLoad load = new SteadyLoad(gateway, tokens(), PERIOD, REQUEST_TIMEOUT).start();
        try {
            Thread.sleep(3_000);
            killStarted = load.now();
            suite.killService(SuiteService.INTELLIGENCE);
            killed = load.now();
            // down long enough for several requests: the first ones find the port closed, then the circuit opens
            Thread.sleep(6_000);
            restarting = load.now();
            suite.startService(SuiteService.INTELLIGENCE);
            ready = load.now();
            recovered = load.awaitRun(Target.INTELLIGENCE, ready, 5, FaultToleranceIT::ok,
                    Duration.ofMillis(CIRCUIT_OPEN_MS + COLD_START_MS + REQUEST_TIMEOUT.toMillis()));
            Thread.sleep(1_000);
        } finally {
            load.close();
            ACKNOWLEDGED.addAll(load.acknowledged());
        }
        System.out.printf("kill: killed at %d ms, intelligence ready again at %d ms, traffic back at %d ms%n",
                killed, ready, recovered);
        for (Target target : Target.values()) {
            System.out.println("  " + target + " before/during/after: " + summary(load.outcomes(target, 0, killStarted))
                    + " | " + summary(load.outcomes(target, killed, ready)) + " | "
                    + summary(load.outcomes(target, ready, Long.MAX_VALUE)));
            load.outcomes(target, killStarted, Long.MAX_VALUE).stream().filter(o -> !ok(o) && o.status() != 503)
                    .limit(3).forEach(o -> System.out.println("    e.g. " + o));
        }

        assertAllOk(answeredBefore(load, killStarted), "before the kill");

        // until the restart begins (once the new JVM listens, a request may reach it before the launcher sees it ready)
        List<Outcome> whileDown = load.outcomes(Target.INTELLIGENCE, killed, restarting);
        assertTrue(whileDown.size() >= 5, "too few requests while intelligence was down: " + whileDown.size());
        for (Outcome outcome : whileDown) {
            assertEquals(503, outcome.status(), () -> "intelligence down: " + outcome);
            assertTrue(outcome.contentType().startsWith("application/problem+json"), () -> "not a problem: " + outcome);
            assertTrue(outcome.retryAfter() != null && Integer.parseInt(outcome.retryAfter()) > 0,
                    () -> "no Retry-After: " + outcome);
            assertTrue(outcome.tookMs() <= CONNECT_TIMEOUT_MS + SLACK_MS,
                    () -> "answered after the connect timeout: " + outcome);
        }
        List<Outcome> others = new ArrayList<>();
        others.addAll(load.outcomes(Target.LIAISON, killStarted, Long.MAX_VALUE));
        others.addAll(load.outcomes(Target.PREVENTION, killStarted, Long.MAX_VALUE));
        assertTrue(others.size() >= 10, "too few requests to the other services: " + others.size());
        assertAllOk(others, "liaison and prevention while intelligence was down and restarted");

        assertNotEquals(-1, recovered, () -> "intelligence traffic did not recover after its restart: "
                + summary(load.outcomes(Target.INTELLIGENCE, ready, Long.MAX_VALUE)));
        assertTrue(recovered - ready <= CIRCUIT_OPEN_MS + COLD_START_MS,
                "intelligence traffic came back " + (recovered - ready) + " ms after it was ready");
        assertTrue(load.acknowledged().stream().anyMatch(w -> w.target() == Target.INTELLIGENCE
                && w.sentAtMs() >= ready), "no intelligence write acknowledged after the restart");

        Map<SuiteService, Long> pidsAfter = pids();
        for (SuiteService service : SuiteService.values()) {
            if (service != SuiteService.INTELLIGENCE) {
                assertEquals(pidsBefore.get(service), pidsAfter.get(service), service + " was restarted");
                assertTrue(ProcessHandle.of(pidsAfter.get(service)).map(ProcessHandle::isAlive).orElse(false));
            }
        }
        assertNotEquals(pidsBefore.get(SuiteService.INTELLIGENCE), pidsAfter.get(SuiteService.INTELLIGENCE));
    }

    @Test
    @Order(2)
    void afterAPostgresRestartEveryServiceRecoversByItself() throws Exception {
        Map<SuiteService, Long> pidsBefore = pids();
        long stopping;
        long restarted;
        Map<SuiteService, Long> readyAgain = new EnumMap<>(SuiteService.class);
        Map<Target, Long> trafficBack = new EnumMap<>(Target.class);
        SteadyLoad load = new SteadyLoad(gateway, tokens(), PERIOD, REQUEST_TIMEOUT).start();
        try {
            Thread.sleep(2_000);
            stopping = load.now();
            suite.stopDatabase();
            Thread.sleep(3_000);
            suite.startDatabase();
            restarted = load.now();
            for (SuiteService service : SuiteService.values()) {
                readyAgain.put(service, awaitReady(service, load, Duration.ofSeconds(60)));
            }
            for (Target target : Target.values()) {
                // six in a row: two writes and four reads
                trafficBack.put(target, load.awaitRun(target, restarted, 6, FaultToleranceIT::ok,
                        Duration.ofSeconds(60)));
            }
            Thread.sleep(1_000);
        } finally {
            load.close();
            ACKNOWLEDGED.addAll(load.acknowledged());
        }
        System.out.printf("postgres: stopped at %d ms, started again at %d ms; ready again %s; traffic back %s%n",
                stopping, restarted, readyAgain, trafficBack);
        for (Target target : Target.values()) {
            System.out.println("  " + target + " before/outage+recovery/after: "
                    + summary(load.outcomes(target, 0, stopping)) + " | "
                    + summary(load.outcomes(target, stopping, trafficBack.getOrDefault(target, Long.MAX_VALUE)))
                    + " | " + summary(load.outcomes(target, Math.max(0, trafficBack.getOrDefault(target, -1L)),
                            Long.MAX_VALUE)));
            load.outcomes(target, stopping, Long.MAX_VALUE).stream().filter(o -> !ok(o)).limit(2)
                    .forEach(o -> System.out.println("    e.g. " + o));
        }
        assertAllOk(answeredBefore(load, stopping), "before the PostgreSQL restart");
        readyAgain.forEach((service, at) -> assertNotEquals(-1L, at, service + " readiness never came back UP"));
        trafficBack.forEach((target, at) -> assertNotEquals(-1L, at, () -> target
                + " did not recover by itself after the PostgreSQL restart; answers since the restart: "
                + summary(load.outcomes(target, restarted, Long.MAX_VALUE)) + "; e.g. "
                + load.outcomes(target, restarted, Long.MAX_VALUE).stream().filter(o -> !ok(o)).findFirst()));
        for (Target target : Target.values()) {
            assertAllOk(load.outcomes(target, trafficBack.get(target), Long.MAX_VALUE), target + " once recovered");
        }
        // the gateway's own database work (the directory) recovered too: a fresh token
        assertEquals(200, tokenResponse("analyst").statusCode());
        assertEquals(pidsBefore, pids(), "a service process was restarted");
    }

    @Test
    @Order(3)
    void noAcknowledgedWriteWasLost() {
        assertTrue(ACKNOWLEDGED.size() >= 30, "too few acknowledged writes to mean anything: " + ACKNOWLEDGED.size());
        Map<Target, String> tokens = tokens();
        List<String> lost = new ArrayList<>();
        for (AckedWrite write : ACKNOWLEDGED) {
            Response response = given().baseUri(gateway).auth().oauth2(tokens.get(write.target()))
                    .when().get(write.target().itemPath + write.id());
            if (response.statusCode() != 200
                    || !write.marker().equals(response.jsonPath().getString(write.target().markerField()))) {
                lost.add(write + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        Map<Target, Long> perTarget = ACKNOWLEDGED.stream()
                .collect(Collectors.groupingBy(AckedWrite::target, TreeMap::new, Collectors.counting()));
        System.out.println("acknowledged writes checked: " + ACKNOWLEDGED.size() + " " + perTarget + ", lost: "
                + lost.size());
        if (!lost.isEmpty()) {
            fail(lost.size() + " acknowledged writes lost:\n" + String.join("\n", lost));
        }
    }

    /** Requests answered completely before the fault began (one in flight at that moment may fail). */
    private static List<Outcome> answeredBefore(SteadyLoad load, long faultMs) {
        List<Outcome> before = new ArrayList<>();
        for (Target target : Target.values()) {
            load.outcomes(target, 0, faultMs).stream().filter(o -> o.sentAtMs() + o.tookMs() < faultMs)
                    .forEach(before::add);
        }
        return before;
    }

    private static boolean ok(Outcome outcome) {
        return outcome.status() >= 200 && outcome.status() < 300;
    }

    private static void assertAllOk(List<Outcome> outcomes, String when) {
        List<Outcome> failed = outcomes.stream().filter(o -> !ok(o)).toList();
        if (!failed.isEmpty()) {
            fail(failed.size() + " of " + outcomes.size() + " requests failed " + when + ": "
                    + failed.stream().limit(5).map(Outcome::toString).collect(Collectors.joining("\n")));
        }
    }

    /** Status counts, e.g. {@code {200=14, 201=7}} ({@code -1} = no answer). */
    private static String summary(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** Polls a service's own readiness (not through the gateway) until it answers 200; the load time, or -1. */
    private static long awaitReady(SuiteService service, SteadyLoad load, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return load.now();
                }
            } catch (IOException e) {
                // not answering: keep polling
            }
            Thread.sleep(200);
        }
        return -1;
    }

    private static Map<SuiteService, Long> pids() {
        Map<SuiteService, Long> pids = new EnumMap<>(SuiteService.class);
        suite.startups().forEach(startup -> pids.put(startup.service(), startup.pid()));
        return pids;
    }

    private static Map<Target, String> tokens() {
        Map<Target, String> tokens = new EnumMap<>(Target.class);
        USERS.forEach((target, user) -> tokens.put(target, tokenResponse(user).then().statusCode(200)
                .extract().path("access_token")));
        return tokens;
    }

    private static Response tokenResponse(String username) {
        return given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", username)
                .formParam("password", DemoDirectory.demoPassword(username))
                .when().post("/auth/token");
    }
}
