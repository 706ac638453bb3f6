package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * An upstream with two instances ({@code url=http://a,http://b}): requests are spread over both; one that stops is
 * skipped (an idempotent request that could not connect to it goes to the other at once, nothing lost) and used
 * again once it is back.
 */
@QuarkusTest
class ReplicasTest {

    private static Map<String, Integer> send(String token, int n, boolean post) {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < n; i++) {
            var request = given().auth().oauth2(token);
            var response = post ? request.contentType("application/json").body("{}").post("/api/replicas/items")
                    : request.get("/api/replicas/items");
            response.then().statusCode(200);
            answeredBy.merge(response.jsonPath().getString("replica"), 1, Integer::sum);
        }
        return answeredBy;
    }

    @Test
    void requestsAreSpreadRoundRobinOverBothInstances() {
        String token = Fixtures.analyst();
        Map<String, Integer> gets = send(token, 20, false);
        assertEquals(Map.of("a", 10, "b", 10), gets, "GETs taken in turn");
        Map<String, Integer> posts = send(token, 10, true);
        assertEquals(Map.of("a", 5, "b", 5), posts, "POSTs taken in turn");
    }

    @Test
    void aStoppedInstanceIsSkippedWithoutAFailedRequestAndUsedAgainWhenBack() throws Exception {
        String token = Fixtures.analyst();
        ReplicaUpstream b = GatewayTestResource.replicaB();
        b.stop();
        try {
            // the first GET that meets the stopped instance goes on to the other one; then b is skipped
            Map<String, Integer> gets = send(token, 20, false);
            assertEquals(Map.of("a", 20), gets);
            // while b is marked down (5 s in the tests), writes go to a only (none tried on b: a POST whose
            // connection failed is not sent elsewhere)
            Map<String, Integer> posts = send(token, 5, true);
            assertEquals(Map.of("a", 5), posts);
        } finally {
            b.start();
        }
        // once the mark (5 s in the tests) has run out, b takes its turn again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int before = b.requests();
        while (System.nanoTime() < deadline && b.requests() == before) {
            Thread.sleep(200);
            send(token, 2, false);
        }
        assertTrue(b.requests() > before, "b answers again once it is back");
        Map<String, Integer> spread = send(token, 10, false);
        assertEquals(Map.of("a", 5, "b", 5), spread);
    }
}
