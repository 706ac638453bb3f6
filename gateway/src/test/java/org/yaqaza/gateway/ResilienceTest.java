package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** An upstream going down and coming back, server-sent events, and the access log. */
@QuarkusTest
class ResilienceTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aStoppedUpstreamIs503AtOnceAndServesAgainWhenBackWithoutARestart() throws Exception {
        String token = Fixtures.analyst();
        String path = "/api/flaky/" + Fixtures.unique("reports");
        given().auth().oauth2(token).get(path).then().statusCode(200);

        GatewayTestResource.flaky().stop();
        try {
            // refused connections: answered well within the 1 s connect timeout, retries included
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                given().auth().oauth2(token).get(path)
                        .then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "7");
                assertTrue(System.nanoTime() - started < 3_000_000_000L, "answered within the timeout");
            }
            // three failures open the circuit: refused without trying, Retry-After = the rest of the 1 s pause
            long started = System.nanoTime();
            var open = given().auth().oauth2(token).get(path)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("detail", containsString("paused"))
                    .extract();
            assertTrue(System.nanoTime() - started < 1_000_000_000L);
            assertEquals("1", open.header("Retry-After"));
        } finally {
            GatewayTestResource.restartFlaky();
        }
        // after the pause one trial request goes through; the circuit closes and the service is back
        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && status != 200) {
            Thread.sleep(250);
            status = given().auth().oauth2(token).get(path).then().extract().statusCode();
        }
        assertEquals(200, status);
        given().auth().oauth2(token).get(path).then().statusCode(200);
    }

    @Test
    void serverSentEventsPassThroughAsTheyAreSent() throws Exception {
        CountDownLatch firstSeen = GatewayTestResource.upstream().armEvents();
        String path = "/api/intelligence/" + Fixtures.unique("alerts") + "/events";
        HttpRequest request = HttpRequest.newBuilder(URI.create(GatewayTestResource.baseUrl() + path))
                .header("Authorization", "Bearer " + Fixtures.analyst())
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(null));
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            // the service holds the second event until this one has arrived: a buffering gateway would hang here
            List<String> first = CompletableFuture.supplyAsync(() -> event(events)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("id: 1", "event: alert", "data: {\"title\":\"تنبيه أول\"}"), first);
            firstSeen.countDown();
            assertEquals(List.of("id: 2", "event: alert", "data: {\"title\":\"second\"}"), event(events));
        }
    }

    private static List<String> event(BufferedReader reader) {
        List<String> lines = new java.util.ArrayList<>();
        try {
            String line;
            while ((line = reader.readLine()) != null && !line.isEmpty()) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }

    @Test
    void theAccessLogHasOneJsonLinePerRequestWithTheRequestIdAndNoToken() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("yaqaza.access");
        access.addHandler(capture);
        try {
            String token = Fixtures.analyst();
            String requestId = Fixtures.unique("req-log");
            String id = java.util.UUID.randomUUID().toString();
            given().auth().oauth2(token).header("X-Request-ID", requestId)
                    .queryParam("secret", "do-not-log")
                    .get("/api/intelligence/reports/" + id)
                    .then().statusCode(200);
            String line = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (line == null && System.nanoTime() < deadline) {
                line = lines.stream().filter(l -> l.contains(requestId)).findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertNotNull(line, "an access-log line for the request");
            assertEquals(1, lines.stream().filter(l -> l.contains(requestId)).count());
            assertFalse(line.contains(token), line);
            assertFalse(line.contains(token.substring(0, 20)), line);
            assertFalse(line.contains("Bearer"), line);
            assertFalse(line.contains("do-not-log"), line);
            JsonNode json = new ObjectMapper().readTree(line);
            assertEquals(requestId, json.get("requestId").asText());
            assertEquals("analyst-1", json.get("subject").asText());
            assertEquals("GET", json.get("method").asText());
            assertEquals("/api/intelligence/reports/{id}", json.get("path").asText());
            assertEquals(200, json.get("status").asInt());
            assertEquals("intelligence", json.get("upstream").asText());
            assertTrue(json.get("bytesOut").asLong() > 0);
            assertTrue(json.get("durationMs").asDouble() >= 0);
            assertNotNull(java.time.Instant.parse(json.get("time").asText()));
        } finally {
            access.removeHandler(capture);
        }
    }
}
