package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProxyTest {

    private static final long MIB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noOrBadTokenIsRefusedAtTheEdge() {
        String path = "/api/intelligence/" + Fixtures.unique("anon") + "/reports";
        given().get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
        given().auth().oauth2("not.a.token").get(path).then().statusCode(401);
        given().header("Authorization", "Basic YTpi").get("/taxii2/" + Fixtures.unique("t") + "/")
                .then().statusCode(401).contentType("application/problem+json");
        assertNull(GatewayTestResource.upstream().seen(path), "a refused request never reaches a service");
    }

    @Test
    void pathQueryAuthorizationAndRequestIdReachTheService() {
        String token = Fixtures.analyst();
        String path = "/api/intelligence/" + Fixtures.unique("fwd") + "/reports";
        given().auth().oauth2(token).header("X-Request-ID", "req-proxy-1")
                .queryParam("q", "مراكش café").queryParam("limit", 5)
                .get(path)
                .then().statusCode(200)
                .header("X-Request-ID", "req-proxy-1")
                .header("X-Upstream", "fake")
                .body("path", equalTo(path));
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(path);
        assertEquals("GET", seen.method());
        assertEquals(path + "?q=%D9%85%D8%B1%D8%A7%D9%83%D8%B4%20caf%C3%A9&limit=5", seen.uri());
        assertEquals("Bearer " + token, seen.header("Authorization"));
        assertEquals("req-proxy-1", seen.header("X-Request-ID"));
    }

    @Test
    void theRequestIdIsGeneratedWhenMissingAndReturnedOnce() {
        String path = "/api/liaison/" + Fixtures.unique("rid");
        var response = given().auth().oauth2(Fixtures.analyst()).get(path).then().statusCode(200).extract();
        String id = response.header("X-Request-ID");
        assertNotNull(id);
        assertEquals(1, response.headers().getList("X-Request-ID").size());
        assertEquals(id, GatewayTestResource.upstream().seen(path).header("X-Request-ID"));
    }

    @Test
    void forwardingHeadersComeFromTheGatewayNotTheClient() {
        String path = "/api/intelligence/" + Fixtures.unique("xff");
        given().auth().oauth2(Fixtures.analyst())
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66")
                .header("Connection", "X-Secret-Hop")
                .header("X-Secret-Hop", "1")
                .get(path).then().statusCode(200);
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(path);
        assertEquals("127.0.0.1", seen.header("X-Forwarded-For"));
        assertEquals(1, seen.count("X-Forwarded-For"));
        // the client's own Forwarded is replaced by the gateway's, never passed on
        assertEquals(1, seen.count("Forwarded"));
        assertTrue(seen.header("Forwarded").startsWith("for=127.0.0.1;"), seen.header("Forwarded"));
        assertNull(seen.header("X-Secret-Hop"), "headers named in Connection are hop-by-hop");
        assertEquals("http", seen.header("X-Forwarded-Proto"));
    }

    @Test
    void bodiesAndTheBarePrefixAreForwarded() {
        given().auth().oauth2(Fixtures.analyst()).contentType(ContentType.JSON).body("{\"title\":\"x\"}")
                .post("/taxii2/")
                .then().statusCode(200).body("bytes", equalTo(13));
        assertEquals("POST", GatewayTestResource.upstream().seen("/taxii2/").method());
        given().auth().oauth2(Fixtures.analyst()).get("/api/prevention-like").then().statusCode(404)
                .contentType("application/problem+json");
        assertNull(GatewayTestResource.upstream().seen("/api/prevention-like"));
    }

    @Test
    void aTokenFromTheGatewayItselfIsAcceptedAtTheEdge() {
        String token = Fixtures.tokenFor(GatewayTestResource.ADMIN, GatewayTestResource.ADMIN_PASSWORD);
        String path = "/api/intelligence/" + Fixtures.unique("own");
        given().auth().oauth2(token).get(path).then().statusCode(200);
        assertEquals("Bearer " + token, GatewayTestResource.upstream().seen(path).header("Authorization"));
    }

    @Test
    void theGatewaysOwnRoutesAreNotForwarded() {
        given().auth().oauth2(Fixtures.admin()).get("/api/admin/users").then().statusCode(200)
                .body("$", hasKey("items"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/auth/jwks").then().statusCode(200).body("$", hasKey("keys"));
        assertNull(GatewayTestResource.upstream().seen("/api/admin/users"));
    }

    @Test
    void aDownUpstreamIsA503ProblemWithRetryAfter() {
        given().auth().oauth2(Fixtures.analyst()).header("X-Request-ID", "req-down-1")
                .get("/api/prevention/programmes")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "7")
                .body("status", equalTo(503))
                .body("detail", containsString("prevention"))
                .body("requestId", equalTo("req-down-1"));
    }

    @Test
    void aStalledUpstreamIsA504Problem() {
        given().auth().oauth2(Fixtures.analyst()).get("/api/intelligence/" + Fixtures.unique("slow") + "/stall")
                .then().statusCode(504).contentType("application/problem+json");
    }

    @Test
    void aLargeUploadStreamsThroughWithoutBuffering() throws Exception {
        long size = 50 * MIB;
        String path = "/api/intelligence/" + Fixtures.unique("big") + "/upload";
        CountDownLatch upstreamStarted = GatewayTestResource.upstream().armUpload();
        // the client holds back everything after the first MiB until the service has started reading (a
        // gateway that buffered the body would wait for the end and the upload would fail), then sends the rest
        // slowly: the upload outlasts the proxy's idle timeout (3 s here) while bytes keep flowing
        InputStream body = new GeneratedStream(size, MIB, upstreamStarted, 100);
        HttpRequest request = HttpRequest.newBuilder(URI.create(GatewayTestResource.baseUrl() + path))
                .header("Authorization", "Bearer " + Fixtures.analyst())
                .header("Content-Type", "application/octet-stream")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(size, GatewayTestResource.upstream().seen(path).bodyBytes());
    }

    @Test
    void aLargeDownloadStreamsThroughWithoutBuffering() throws Exception {
        long size = 20 * MIB;
        String path = "/api/intelligence/" + Fixtures.unique("dl") + "/download";
        CountDownLatch acknowledged = GatewayTestResource.upstream().armDownload();
        HttpRequest request = HttpRequest.newBuilder(URI.create(GatewayTestResource.baseUrl() + path + "?size=" + size))
                .header("Authorization", "Bearer " + Fixtures.analyst()).build();
        HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            // the service sends the rest only after this: the first MiB must arrive while it waits
            long first = CompletableFuture.supplyAsync(() -> read(in, MIB)).get(10, TimeUnit.SECONDS);
            assertEquals(MIB, first);
            acknowledged.countDown();
            assertEquals(size - MIB, read(in, Long.MAX_VALUE));
        }
    }

    private static long read(InputStream in, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            while (total < limit) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return total;
    }

    /**
     * {@code size} generated bytes; after {@code holdAfter} of them, waits for {@code gate}, then pauses
     * {@code pauseMillisPerMib} after each further MiB.
     */
    private static final class GeneratedStream extends InputStream {
        private final long size;
        private final long holdAfter;
        private final CountDownLatch gate;
        private final long pauseMillisPerMib;
        private long sent;

        GeneratedStream(long size, long holdAfter, CountDownLatch gate, long pauseMillisPerMib) {
            this.size = size;
            this.holdAfter = holdAfter;
            this.gate = gate;
            this.pauseMillisPerMib = pauseMillisPerMib;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (sent >= size) {
                return -1;
            }
            if (sent >= holdAfter && gate.getCount() > 0) {
                try {
                    assertTrue(gate.await(20, TimeUnit.SECONDS), "the service saw nothing while the client sent");
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (sent >= holdAfter && sent % MIB == 0) {
                try {
                    Thread.sleep(pauseMillisPerMib);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            long nextMib = (sent / MIB + 1) * MIB;
            int n = (int) Math.min(len, Math.min(size, nextMib) - sent);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ('a' + (sent + i) % 26);
            }
            sent += n;
            return n;
        }
    }
}
