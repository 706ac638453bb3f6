package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.gateway.proxy.LiveStreams;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Revoking or disabling takes effect on the next request, and no proxied event stream outlives its token (issue
 * 16): the gateway owns the directory, so it refuses the earlier tokens of a disabled or changed subject at once
 * and closes that subject's streams; every stream also ends when its token expires.
 */
@QuarkusTest
class TokenRevocationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    LiveStreams streams;

    @Test
    void aDisabledUsersStillUnexpiredTokenIsRefusedAtTheNextRequest() {
        String username = Fixtures.user("leaving");
        String token = Fixtures.tokenFor(username, Fixtures.PASSWORD);
        String path = "/api/liaison/" + Fixtures.unique("revoked");
        given().auth().oauth2(token).get(path).then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/disable").then()
                .statusCode(200);
        given().auth().oauth2(token).get(path).then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", equalTo("The bearer token is no longer valid."));
    }

    @Test
    void aLoweredClearanceEndsTheOldTokenAndTheNextOneCarriesTheNewClaims() throws Exception {
        String username = Fixtures.user("lowered");
        String old = Fixtures.tokenFor(username, Fixtures.PASSWORD);
        String etag = given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + username).then()
                .extract().header("ETag");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Lowered","roles":["analyst"],"clearance":"RESTRICTED","compartments":[],
                         "agency":"DGST","enabled":true}""")
                .put("/api/admin/users/" + username).then().statusCode(200);
        given().auth().oauth2(old).get("/api/intelligence/" + Fixtures.unique("x")).then().statusCode(401);
        // a token issued within the same second as the change is good: its iat is the change's second
        String fresh = Fixtures.tokenFor(username, Fixtures.PASSWORD);
        given().auth().oauth2(fresh).get("/api/intelligence/" + Fixtures.unique("x")).then().statusCode(200);
        assertEquals("RESTRICTED", TokenEndpointTest.verify(fresh).getJwtClaims().getClaimValueAsString("clearance"));
    }

    @Test
    void aDisabledAdministratorAdministersNothingWithTheTokenTheyHold() {
        String username = Fixtures.unique("admin");
        Fixtures.settled(given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Admin","password":"admin-password-2026","roles":["admin"],
                         "clearance":"RESTRICTED","agency":"DGST"}""".formatted(username))
                .post("/api/admin/users")).then().statusCode(200);
        String token = Fixtures.tokenFor(username, "admin-password-2026");
        given().auth().oauth2(token).get("/api/admin/users").then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/disable").then()
                .statusCode(200);
        given().auth().oauth2(token).get("/api/admin/users").then().statusCode(401);
    }

    @Test
    void aChangeMadeOnAnotherReplicaIsLearntWithinSeconds() throws Exception {
        String username = Fixtures.user("elsewhere");
        String token = Fixtures.tokenFor(username, Fixtures.PASSWORD);
        String path = "/api/liaison/" + Fixtures.unique("elsewhere");
        given().auth().oauth2(token).get(path).then().statusCode(200);
        // what another gateway replica writes when it disables the user
        try (Connection c = PostgresTestResource.superuser("gateway"); Statement s = c.createStatement()) {
            s.executeUpdate("update directory_user set enabled = false, tokens_valid_after = "
                    + "date_trunc('second', now()) + interval '1 second' where username = '" + username + "'");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = given().auth().oauth2(token).get(path).then().extract().statusCode();
        }
        assertEquals(401, status, "refused within 5 s (the test polls every 500 ms)");
    }

    @Test
    void aStreamEndsWithinSecondsOfItsUserBeingDisabled() throws Exception {
        String username = Fixtures.user("streamer");
        String token = Fixtures.tokenFor(username, Fixtures.PASSWORD);
        int cutBefore = GatewayTestResource.upstream().liveStreamsCut();
        Stream stream = open(token);
        assertEquals(1, streams.open(username));
        long disabledAt = System.nanoTime();
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/disable").then()
                .statusCode(200);
        long endedAfterMillis = TimeUnit.NANOSECONDS.toMillis(stream.awaitEnd(10) - disabledAt);
        assertTrue(endedAfterMillis < 5_000, "ended " + endedAfterMillis + " ms after the disabling");
        assertEquals(0, streams.open(username));
        awaitUpstreamCut(cutBefore);
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String shortLived = PostgresTestResource.primary().token().subject(Fixtures.unique("brief"))
                .roles("analyst").claim("exp", now + 4).sign();
        int cutBefore = GatewayTestResource.upstream().liveStreamsCut();
        Stream stream = open(shortLived);
        stream.awaitEnd(15);
        long endedAtSeconds = System.currentTimeMillis() / 1000;
        assertTrue(endedAtSeconds >= now + 3 && endedAtSeconds <= now + 7,
                "ended at exp (" + (now + 4) + "), not long before or after: " + endedAtSeconds);
        assertTrue(stream.events() >= 2, "it was delivering until then: " + stream.events() + " events");
        awaitUpstreamCut(cutBefore);
    }

    private static void awaitUpstreamCut(int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (GatewayTestResource.upstream().liveStreamsCut() <= before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(GatewayTestResource.upstream().liveStreamsCut() > before, "the service's stream was cut too");
    }

    /** An open event stream through the gateway, read on its own thread; its first event has arrived. */
    private static Stream open(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(GatewayTestResource.baseUrl()
                + "/api/intelligence/alerts/" + Fixtures.unique("s") + "/live"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Stream stream = new Stream(response.body());
        stream.firstEvent.get(10, TimeUnit.SECONDS);
        return stream;
    }

    private static final class Stream {
        final CompletableFuture<Void> firstEvent = new CompletableFuture<>();
        final CompletableFuture<Long> ended = new CompletableFuture<>();
        volatile int events;

        Stream(InputStream body) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            events++;
                            firstEvent.complete(null);
                        }
                    }
                } catch (IOException cut) {
                    // a reset connection ends the stream as well as a clean end would
                }
                ended.complete(System.nanoTime());
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        long awaitEnd(int seconds) throws Exception {
            return ended.get(seconds, TimeUnit.SECONDS);
        }

        int events() {
            return events;
        }
    }
}
