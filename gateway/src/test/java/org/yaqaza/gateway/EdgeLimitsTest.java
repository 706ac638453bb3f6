package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Rate limits (429), body and header limits (413, 431) and CORS at the edge. */
@QuarkusTest
class EdgeLimitsTest {

    private static String tokenOf(String subject) {
        return PostgresTestResource.primary().token().subject(subject).roles("partner").partner("es-cni")
                .clearance("CONFIDENTIAL").sign();
    }

    @Test
    void aClientOverItsTaxiiBurstGets429WithRateLimitHeaders() {
        String partner = tokenOf(Fixtures.unique("taxii-client"));
        for (int i = 2; i >= 0; i--) {
            given().auth().oauth2(partner).get("/taxii2/collections/")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(i));
        }
        var refused = given().auth().oauth2(partner).get("/taxii2/collections/")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .extract();
        // one token back at 0.1 per second: 10 s; the whole bucket: 30 s
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 9 && retryAfter <= 10, "Retry-After " + retryAfter);
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        assertTrue(reset >= 29 && reset <= 30, "RateLimit-Reset " + reset);

        // another client's bucket is its own; the default group is not the TAXII group
        given().auth().oauth2(tokenOf(Fixtures.unique("other-client"))).get("/taxii2/collections/")
                .then().statusCode(200);
        given().auth().oauth2(partner).get("/api/liaison/" + Fixtures.unique("p")).then().statusCode(200);
    }

    @Test
    void refusedSignInsFromOneAddressAreCutOffWith429() throws Exception {
        // from a second loopback address: the other tests' refusals (from 127.0.0.1) are not counted here
        String username = Fixtures.user("limited");
        String address = "127.0.0." + (2 + (int) (Math.random() * 200));
        String malformed = "POST /auth/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 0\r\nConnection: close";
        for (int i = 0; i < GatewayTestResource.FAILED_LOGIN_BURST - 1; i++) {
            assertEquals(400, RawHttp.send(address, malformed, null, 0).status());
        }
        assertEquals(400, token(address, username, "wrong-password").status(), "the last allowed refusal");
        RawHttp.Response blocked = token(address, username, Fixtures.PASSWORD);
        assertEquals(429, blocked.status(), "even the right password waits");
        assertEquals("application/problem+json", blocked.header("Content-Type"));
        assertTrue(Long.parseLong(blocked.header("Retry-After")) >= 1);
        assertEquals(Integer.toString(GatewayTestResource.FAILED_LOGIN_BURST), blocked.header("RateLimit-Limit"));
        assertEquals("0", blocked.header("RateLimit-Remaining"));
        // from the usual address, signing in still works
        Fixtures.tokenFor(username, Fixtures.PASSWORD);
    }

    private static RawHttp.Response token(String address, String username, String password) throws Exception {
        return RawHttp.sendWithBody(address, "POST /auth/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nConnection: close",
                "grant_type=password&username=" + username + "&password=" + password);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeReachingTheService() {
        String path = "/api/liaison/limited/" + Fixtures.unique("declared");
        byte[] body = new byte[65 * 1024];
        given().auth().oauth2(Fixtures.analyst()).contentType(ContentType.BINARY).body(body)
                .post(path)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("64 KiB"));
        assertNull(GatewayTestResource.upstream().seen(path));
        // within the limit it passes
        given().auth().oauth2(Fixtures.analyst()).contentType(ContentType.BINARY).body(new byte[60 * 1024])
                .post(path).then().statusCode(200).body("bytes", equalTo(60 * 1024));
    }

    @Test
    void aStreamedBodyWithoutLengthIsCountedAndCutOffWith413() throws Exception {
        String path = "/api/liaison/limited/" + Fixtures.unique("chunked");
        byte[] body = new byte[200 * 1024];
        Arrays.fill(body, (byte) 'x');
        RawHttp.Response response = RawHttp.send(null, "POST " + path + " HTTP/1.1\r\nAuthorization: Bearer "
                + Fixtures.analyst() + "\r\nContent-Type: application/octet-stream", body, 8 * 1024);
        assertEquals(413, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertTrue(response.body().contains("64 KiB"), response.body());
        assertEquals("close", response.header("Connection"));

        // a longer, more specific route has its own, larger limit: the same body passes there
        String bulk = "/api/liaison/limited/bulk";
        RawHttp.Response accepted = RawHttp.send(null, "POST " + bulk + " HTTP/1.1\r\nAuthorization: Bearer "
                + Fixtures.analyst() + "\r\nContent-Type: application/x-ndjson\r\nConnection: close", body,
                8 * 1024);
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(body.length, GatewayTestResource.upstream().seen(bulk).bodyBytes());
    }

    @Test
    void headersOverTheLimitAre431Problems() {
        given().auth().oauth2(Fixtures.analyst()).header("X-Padding", "p".repeat(30 * 1024))
                .get("/api/intelligence/" + Fixtures.unique("big-header"))
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        // on the gateway's own routes too
        given().header("X-Padding", "p".repeat(30 * 1024)).get("/auth/jwks")
                .then().statusCode(431).contentType("application/problem+json");
    }

    @Test
    void headersOverSixtyFourKilobytesAreProblemsTooNotBareCodecRefusals() {
        // one huge header: past the HTTP layer's former 64 KiB cap, where Vert.x answered a bare 431
        String path = "/api/intelligence/" + Fixtures.unique("huge-header");
        given().auth().oauth2(Fixtures.analyst()).header("X-Request-ID", "req-huge-header")
                .header("Cookie", "session=" + "c".repeat(100 * 1024))
                .get(path)
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("status", equalTo(431))
                .body("detail", containsString("24 KiB"))
                .body("requestId", equalTo("req-huge-header"));
        // many ordinary headers adding up to 70 KiB
        var many = given().auth().oauth2(Fixtures.analyst());
        for (int i = 0; i < 70; i++) {
            many.header("X-Baggage-" + i, "b".repeat(1000));
        }
        many.get(path).then().statusCode(431).contentType("application/problem+json")
                .body("requestId", org.hamcrest.Matchers.notNullValue());
        assertNull(GatewayTestResource.upstream().seen(path));
    }

    @Test
    void aHeaderFloodPastTheHttpLayersCapIsStillCutOffBeforeItIsHeld() throws Exception {
        // 1 MiB of headers: the codec refuses it while reading (the connection is closed), as before
        int port = Integer.parseInt(GatewayTestResource.baseUrl().substring(GatewayTestResource.baseUrl()
                .lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            byte[] line = ("X-Flood: " + "f".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                out.write("GET /auth/jwks HTTP/1.1\r\nHost: localhost\r\n".getBytes(
                        StandardCharsets.US_ASCII));
                for (int i = 0; i < 1024; i++) {
                    out.write(line);
                }
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (java.io.IOException closedWhileSending) {
                // the gateway stopped reading and closed the connection: the flood was not held
            }
            byte[] answer = socket.getInputStream().readNBytes(12);
            assertEquals("HTTP/1.1 431", new String(answer, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void corsPreflightIsAnsweredAtTheEdgeForAConfiguredOriginOnly() {
        String path = "/api/intelligence/" + Fixtures.unique("cors") + "/reports";
        given().header("Origin", GatewayTestResource.WEB_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,traceparent")
                .options(path)
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", GatewayTestResource.WEB_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", "600")
                .header("Vary", containsString("Origin"));
        assertNull(GatewayTestResource.upstream().seen(path), "a preflight never reaches a service");

        // another origin: a problem document, no CORS answer, nothing forwarded
        given().header("Origin", "https://evil.example").header("X-Request-ID", "req-cors-refused")
                .header("Access-Control-Request-Method", "POST")
                .options(path)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("https://evil.example"))
                .body("requestId", equalTo("req-cors-refused"))
                .header("Access-Control-Allow-Origin", nullValue());
        assertNull(GatewayTestResource.upstream().seen(path));

        // the allowed origin asking for a method or a header that is not allowed
        given().header("Origin", GatewayTestResource.WEB_ORIGIN)
                .header("Access-Control-Request-Method", "TRACE")
                .options(path)
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", GatewayTestResource.WEB_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,x-internal-override")
                .options(path)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("x-internal-override"));

        // the gateway's own routes answer preflights too
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .options("/auth/token")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void corsRequestsFromAnAllowedOriginPassAndFromAnyOtherAreRefusedWithAProblem() {
        String path = "/api/intelligence/" + Fixtures.unique("cors-actual") + "/reports";
        // the actual request from the allowed origin is forwarded and carries the CORS answer
        given().header("Origin", GatewayTestResource.WEB_ORIGIN).auth().oauth2(Fixtures.analyst())
                .get(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", GatewayTestResource.WEB_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("X-Request-ID"))
                .header("Access-Control-Allow-Credentials", nullValue());
        assertEquals("GET", GatewayTestResource.upstream().seen(path).method());

        // from another origin it is refused at the edge, before the token is even looked at: a page elsewhere
        // cannot make a service act, although the browser would have hidden the answer
        String write = path + "/other";
        given().header("Origin", "https://evil.example").auth().oauth2(Fixtures.analyst())
                .contentType(ContentType.JSON).body("{\"title\":\"تقرير مزور\"}")
                .post(write)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("requestId", org.hamcrest.Matchers.notNullValue())
                .header("Access-Control-Allow-Origin", nullValue());
        assertNull(GatewayTestResource.upstream().seen(write));

        // the gateway's own pages (Swagger UI) are same-origin: allowed without configuration
        given().header("Origin", GatewayTestResource.baseUrl())
                .get("/auth/jwks")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", GatewayTestResource.baseUrl());
        // no Origin at all (not a browser, or a same-origin GET): nothing CORS-related is added
        given().get("/auth/jwks").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
