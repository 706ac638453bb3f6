package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness across the upstreams, and the dashboard assembled from each service's statistics. */
@QuarkusTest
class HealthAndDashboardTest {

    @Test
    void readinessListsEachUpstreamAndNamesTheDegradedOnes() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.intelligence", startsWith("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.liaison", startsWith("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.prevention", startsWith("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.degraded", containsString("prevention"));
        assertEquals("GET", GatewayTestResource.upstream().seen("/q/health/ready").method());
    }

    @Test
    void theDashboardCombinesTheServicesWithTheCallersTokenAndMarksADownOneUnavailable() {
        String token = Fixtures.analyst();
        given().auth().oauth2(token).header("X-Request-ID", "req-dash-1")
                .queryParam("from", "2024-03-01").queryParam("to", "2025-06-30")
                .get("/api/dashboard")
                .then().statusCode(200)
                .body("from", equalTo("2024-03-01"))
                .body("to", equalTo("2025-06-30"))
                .body("parts.intelligence.status", equalTo("available"))
                .body("parts.intelligence.data.path", equalTo("/api/intelligence/statistics/annual"))
                .body("parts.liaison.status", equalTo("available"))
                .body("parts.liaison.data", hasSize(2))
                .body("parts.prevention.status", equalTo("unavailable"))
                .body("parts.prevention.detail", containsString("prevention"));
        FakeUpstream.Seen intelligence = GatewayTestResource.upstream().seen("/api/intelligence/statistics/annual");
        assertEquals("/api/intelligence/statistics/annual?from=2024&to=2025", intelligence.uri());
        assertEquals("Bearer " + token, intelligence.header("Authorization"), "each part is asked as the caller");
        assertEquals("req-dash-1", intelligence.header("X-Request-ID"));
    }

    @Test
    void theDashboardNeedsATokenAndAValidPeriod() {
        given().get("/api/dashboard").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.analyst()).queryParam("from", "2025-02-30").get("/api/dashboard")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.analyst()).queryParam("from", "2025-06-01").queryParam("to", "2025-01-01")
                .get("/api/dashboard")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
