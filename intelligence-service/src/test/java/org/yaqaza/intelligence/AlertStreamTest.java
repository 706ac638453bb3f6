package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Watch list and alerts, with a real SSE client over HTTP (java.net.http, parsing the event-stream format):
 * live delivery, replay after reconnect with Last-Event-ID, visibility of alerts.
 */
@QuarkusTest
class AlertStreamTest {

    private static final String ANALYST = Fixtures.user("alert-analyst", "analyst", "SECRET");
    private static final String SUPERVISOR = Fixtures.user("alert-supervisor", "supervisor", "SECRET");

    /** One parsed server-sent event. */
    record Event(String id, String name, String data) {
    }

    /** A minimal SSE client: events go to a queue; close() drops the connection. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        /** Completed when the server ends the stream (or close() drops it). */
        final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        Stream(String token, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + io.restassured.RestAssured.port
                            + "/api/intelligence/alerts/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                String[] current = new String[3];
                StringBuilder data = new StringBuilder();
                try (java.util.stream.Stream<String> lines = r.body()) {
                    lines.forEach(line -> {
                        if (line.isEmpty()) {
                            if (data.length() > 0 || current[1] != null) {
                                events.add(new Event(current[0], current[1], data.toString()));
                            }
                            current[0] = null;
                            current[1] = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            current[0] = line.substring(3).trim();
                        } else if (line.startsWith("event:")) {
                            current[1] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).trim());
                        }
                    });
                } catch (RuntimeException closed) {
                    // connection dropped by close()
                }
                ended.complete(null);
            });
        }

        Event next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Event e = events.poll(500, TimeUnit.MILLISECONDS);
                if (e != null && name.equals(e.name())) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private String watchedPerson(String name, String classification, String... compartments) {
        String person = Fixtures.createEntity(ANALYST, Fixtures.person(name, classification, compartments));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"entityId\":\"" + person + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(201);
        return person;
    }

    private String reportMentioning(String person, String title) {
        return Fixtures.createReport(ANALYST, Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z", "ar",
                title, "شوهد في المحطة", "SECRET").replace("\"compartments\"",
                        "\"mentions\":[\"" + person + "\"],\"compartments\""));
    }

    /** A report mentioning {@code person}, and the alert it raises, delivered live on {@code stream}. */
    private Event liveAlert(Stream stream, String person, String title) throws InterruptedException {
        String report = reportMentioning(person, title);
        Event alert = stream.next("alert");
        assertNotNull(alert, "alert delivered live");
        assertTrue(alert.data().contains(report), alert.data());
        return alert;
    }

    @Test
    void theStreamEndsWhenTheCallersTokenExpires() throws Exception {
        String shortLived = PostgresTestResource.primary().token().subject("alert-short").roles("supervisor")
                .clearance("SECRET").agency("DGST").claim("exp", TestIssuer.now() + 4).sign();
        try (Stream stream = new Stream(shortLived, null)) {
            assertNotNull(stream.next("connected"), "stream opened");
            assertFalse(stream.ended.isDone(), "still open while the token is valid");
            // ends at exp (4 s), not at the test's patience: a stream that outlived its token would time out here
            stream.ended.get(12, TimeUnit.SECONDS);
        }
    }

    @Test
    void aConnectedClientReceivesNewAlertsAndAReconnectGetsTheMissedOnes() throws Exception {
        String person = watchedPerson("Yassine Alerte", "SECRET");
        String lastId;
        try (Stream stream = new Stream(SUPERVISOR, null)) {
            assertNotNull(stream.next("connected"), "stream opened");
            Event alert = liveAlert(stream, person, "لقاء في المحطة");
            assertTrue(alert.data().contains("WATCHED_ENTITY_MENTIONED"));
            lastId = alert.id();
        }
        String missed1 = reportMentioning(person, "رسالة أولى");
        String missed2 = reportMentioning(person, "رسالة ثانية");
        try (Stream again = new Stream(SUPERVISOR, lastId)) {
            Event first = again.next("alert");
            Event second = again.next("alert");
            assertNotNull(first);
            assertNotNull(second);
            assertTrue(first.data().contains(missed1), first.data());
            assertTrue(second.data().contains(missed2), second.data());
        }
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().statusCode(200).body("reportId", hasItem(missed1));
    }

    @Test
    void positionsAreSealedPerCallerSoNoCounterShowsHiddenAlerts() throws Exception {
        String person = watchedPerson("Anas Position", "SECRET");
        String owner = Fixtures.user("alert-position-owner", "analyst", "TOP_SECRET", "X");
        String hidden = Fixtures.createEntity(owner, Fixtures.person("Ilyas Caché", "TOP_SECRET", "X"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"entityId\":\"" + hidden + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(201);
        String lastId;
        try (Stream stream = new Stream(SUPERVISOR, null)) {
            Event hello = stream.next("connected");
            assertNotNull(hello, "stream opened");
            Event alert = liveAlert(stream, person, "موقع أول");
            lastId = alert.id();
            // neither the position nor an event id is a counter a hidden alert would move, nor does an alert hold one
            assertEquals("{\"position\":\"" + hello.id() + "\"}", hello.data());
            for (String id : List.of(hello.id(), lastId)) {
                assertTrue(id.matches("[A-Za-z0-9_-]{48}"), "sealed: " + id);
            }
            assertFalse(alert.data().contains("\"seq\""), alert.data());
        }
        // alerts hidden from the supervisor come and go meanwhile; the reconnect gets exactly the visible one
        for (int i = 0; i < 3; i++) {
            Fixtures.createReport(owner, Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z", "ar", "سري " + i,
                    "نص", "TOP_SECRET", "X").replace("\"compartments\"", "\"mentions\":[\"" + hidden
                            + "\"],\"compartments\""));
        }
        String missed = reportMentioning(person, "موقع ثان");
        try (Stream again = new Stream(SUPERVISOR, lastId)) {
            Event next = again.next("alert");
            assertNotNull(next);
            assertTrue(next.data().contains(missed), next.data());
        }
        // a position is its caller's own: another caller's, a number or garbage is a 400 problem, never a guess
        for (String[] attempt : new String[][] { { ANALYST, lastId }, { SUPERVISOR, "42" },
                { SUPERVISOR, "not-a-position" }, { SUPERVISOR, lastId.substring(1) } }) {
            given().auth().oauth2(attempt[0]).header("Last-Event-ID", attempt[1]).accept("text/event-stream")
                    .get("/api/intelligence/alerts/stream").then().statusCode(400)
                    .contentType("application/problem+json").body("title", equalTo("Invalid Last-Event-ID"));
        }
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500").then().statusCode(200)
                .body("find { it.reportId == '" + missed + "' }", not(hasKey("seq")));
    }

    @Test
    void alertsListUnreadFirstAndMarkRead() {
        String person = watchedPerson("Rayan Lecture", "RESTRICTED");
        String older = reportMentioning(person, "الأول");
        String newer = reportMentioning(person, "الثاني");
        String olderAlert = given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().statusCode(200).extract().path("find { it.reportId == '" + older + "' }.id");
        given().auth().oauth2(SUPERVISOR).post("/api/intelligence/alerts/" + olderAlert + "/read")
                .then().statusCode(204);
        var alerts = given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().statusCode(200).extract().jsonPath();
        int newerIndex = alerts.getList("reportId").indexOf(newer);
        int olderIndex = alerts.getList("reportId").indexOf(older);
        assertTrue(newerIndex < olderIndex, "unread before read");
        assertEquals(true, alerts.getBoolean("[" + olderIndex + "].read"));
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?unread=true&limit=500")
                .then().body("reportId", not(hasItem(older)));
    }

    @Test
    void alertsListByKindAndInTheOrderAsked() {
        String person = watchedPerson("Ilyas Ordre", "RESTRICTED");
        String first = reportMentioning(person, "أولًا");
        String second = reportMentioning(person, "ثانيًا");
        given().auth().oauth2(SUPERVISOR).post("/api/intelligence/alerts/" + given().auth().oauth2(SUPERVISOR)
                .get("/api/intelligence/alerts?limit=500").then().statusCode(200).extract()
                .path("find { it.reportId == '" + second + "' }.id") + "/read").then().statusCode(204);
        // the inbox puts the unread first; oldest first and newest first ignore reading
        List<String> inbox = given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500").then()
                .statusCode(200).extract().jsonPath().getList("reportId");
        assertTrue(inbox.indexOf(first) < inbox.indexOf(second), "unread first");
        List<String> newest = given().auth().oauth2(SUPERVISOR).queryParam("sort", "-createdAt")
                .get("/api/intelligence/alerts?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("reportId");
        assertTrue(newest.indexOf(second) < newest.indexOf(first), "newest first");
        List<String> oldest = given().auth().oauth2(SUPERVISOR).queryParam("sort", "createdAt")
                .get("/api/intelligence/alerts?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("reportId");
        assertTrue(oldest.indexOf(first) < oldest.indexOf(second), "oldest first");
        List<String> kinds = given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?sort=type&limit=500")
                .then().statusCode(200).extract().jsonPath().getList("type");
        assertEquals(kinds.stream().sorted().toList(), kinds, "by kind");
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?type=THREAT_LEVEL_RAISED&limit=500").then()
                .statusCode(200).body("type", everyItem(equalTo("THREAT_LEVEL_RAISED")))
                .body("reportId", not(hasItem(first)));
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?type=WATCHED_ENTITY_MENTIONED&limit=500")
                .then().statusCode(200).body("reportId", hasItem(first));
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?type=EVERYTHING").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?sort=message").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
    }

    @Test
    void alertsAboutHiddenRecordsAreNeitherListedNorStreamed() throws Exception {
        String owner = Fixtures.user("alert-owner", "analyst", "TOP_SECRET", "X");
        String person = Fixtures.createEntity(owner, Fixtures.person("Sami Caché", "TOP_SECRET", "X"));
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"entityId\":\"" + person + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(201);
        String secret = Fixtures.user("alert-secret", "supervisor", "SECRET", "X");
        String tsNoX = Fixtures.user("alert-ts", "supervisor", "TOP_SECRET", "Y");
        try (Stream secretStream = new Stream(secret, null); Stream tsStream = new Stream(tsNoX, null);
                Stream ownerStream = new Stream(owner, null)) {
            assertNotNull(secretStream.next("connected"));
            assertNotNull(tsStream.next("connected"));
            assertNotNull(ownerStream.next("connected"));
            String report = Fixtures.createReport(owner, Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z",
                    "ar", "سري", "نص", "TOP_SECRET", "X").replace("\"compartments\"",
                            "\"mentions\":[\"" + person + "\"],\"compartments\""));
            Event seen = ownerStream.next("alert");
            assertNotNull(seen);
            assertTrue(seen.data().contains(report));
            for (String token : new String[] { secret, tsNoX }) {
                given().auth().oauth2(token).get("/api/intelligence/alerts?limit=500")
                        .then().statusCode(200).body("reportId", not(hasItem(report)));
            }
            // the others' streams stay silent about it (given time for several polls)
            Thread.sleep(1500);
            Event leaked = secretStream.events.stream().filter(e -> e.data().contains(report)).findAny()
                    .orElse(null);
            assertEquals(null, leaked);
            assertEquals(null, tsStream.events.stream().filter(e -> e.data().contains(report)).findAny()
                    .orElse(null));
        }
    }

    @Test
    void unwatchingStopsAlertsAndUnknownEntitiesAre404() {
        String person = watchedPerson("Walid Retrait", "RESTRICTED");
        given().auth().oauth2(ANALYST).get("/api/intelligence/watchlist").then().body("entityId", hasItem(person));
        given().auth().oauth2(ANALYST).delete("/api/intelligence/watchlist/" + person).then().statusCode(204);
        String report = reportMentioning(person, "بعد الإلغاء");
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().body("reportId", not(hasItem(report)));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"entityId\":\"" + java.util.UUID.randomUUID() + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(404);
        given().auth().oauth2(ANALYST).delete("/api/intelligence/watchlist/" + person).then().statusCode(404)
                .body("status", equalTo(404));
    }
}
