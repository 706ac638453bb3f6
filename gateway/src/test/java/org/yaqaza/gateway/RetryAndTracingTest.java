package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Bounded retries (idempotent methods only, and only while nothing has been sent) against upstreams that count
 * the connections made to them; W3C trace context and the request id passed on unchanged.
 */
@QuarkusTest
class RetryAndTracingTest {

    private static final String JSON = "{\"title\":\"تقرير\"}";

    @Test
    void idempotentMethodsAreRetriedOnAFailedConnectionUpToTheConfiguredBound() {
        HangingUpUpstream upstream = GatewayTestResource.hangingUpAtConnect();
        String token = Fixtures.analyst();
        for (String method : new String[] { "GET", "HEAD", "OPTIONS", "PUT", "DELETE" }) {
            int before = upstream.connections();
            RequestSpecification request = given().auth().oauth2(token).header("X-Request-ID", "req-retry-" + method);
            if (method.equals("PUT")) {
                request.contentType(ContentType.JSON).body(JSON);
            }
            var response = request.request(method, "/api/broken-handshake/reports/" + Fixtures.unique("r"))
                    .then().statusCode(503)
                    .header("Retry-After", "7")
                    .contentType("application/problem+json");
            if (!method.equals("HEAD")) {
                response.body("requestId", equalTo("req-retry-" + method));
            }
            assertEquals(1 + GatewayTestResource.RETRIES, upstream.connections() - before,
                    method + ": the first attempt and each configured retry, no more");
        }
    }

    @Test
    void postAndPatchAreNeverRetried() {
        HangingUpUpstream upstream = GatewayTestResource.hangingUpAtConnect();
        String token = Fixtures.analyst();
        for (String method : new String[] { "POST", "PATCH" }) {
            int before = upstream.connections();
            given().auth().oauth2(token).contentType(ContentType.JSON).body(JSON)
                    .request(method, "/api/broken-handshake/reports")
                    .then().statusCode(503)
                    .contentType("application/problem+json");
            assertEquals(1, upstream.connections() - before, method + " is tried once");
        }
    }

    @Test
    void aRequestLostAfterItWasSentIsNotRetriedEvenWhenIdempotent() {
        // the service may have acted on it: repeating is the client's decision, not the gateway's
        HangingUpUpstream upstream = GatewayTestResource.hangingUpAfterRequest();
        int before = upstream.connections();
        given().auth().oauth2(Fixtures.analyst()).contentType(ContentType.JSON).body(JSON)
                .put("/api/hanging-up/reports/" + Fixtures.unique("r"))
                .then().statusCode(503)
                .contentType("application/problem+json");
        assertEquals(1, upstream.connections() - before);
    }

    @Test
    void theClientsTraceContinuesThroughTheGatewayAndTheRequestIdReachesTheServiceUnchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String tracestate = "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE";
        String path = "/api/intelligence/" + Fixtures.unique("traced") + "/reports";
        given().auth().oauth2(Fixtures.analyst())
                .header("traceparent", traceparent)
                .header("tracestate", tracestate)
                .header("X-Request-ID", "req-trace-1")
                .get(path)
                .then().statusCode(200)
                .header("X-Request-ID", "req-trace-1");
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(path);
        // the same trace, with the gateway's own span as the service's parent (the client's span is the gateway's)
        assertSameTraceUnderTheGateway(traceparent, seen.header("traceparent"));
        assertEquals(1, seen.count("traceparent"));
        assertEquals(tracestate, seen.header("tracestate"));
        assertEquals("req-trace-1", seen.header("X-Request-ID"));
        assertEquals(1, seen.count("X-Request-ID"));

        // on a write too, and a generated request id is the one the client gets back
        String written = "/api/liaison/" + Fixtures.unique("traced-write");
        String returned = given().auth().oauth2(Fixtures.analyst()).header("traceparent", traceparent)
                .contentType(ContentType.JSON).body(JSON)
                .post(written)
                .then().statusCode(200).extract().header("X-Request-ID");
        FakeUpstream.Seen write = GatewayTestResource.upstream().seen(written);
        assertSameTraceUnderTheGateway(traceparent, write.header("traceparent"));
        assertEquals(returned, write.header("X-Request-ID"));
    }

    private static void assertSameTraceUnderTheGateway(String sent, String forwarded) {
        String[] client = sent.split("-");
        String[] upstream = forwarded.split("-");
        assertEquals(4, upstream.length, forwarded);
        assertEquals(client[1], upstream[1], "trace id: " + forwarded);
        assertTrue(upstream[2].matches("[0-9a-f]{16}") && !upstream[2].equals(client[2]), "parent span: " + forwarded);
    }
}
