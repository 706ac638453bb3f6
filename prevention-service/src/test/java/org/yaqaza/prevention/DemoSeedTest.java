package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.launcher.testing.PostgresTestResource;
import org.yaqaza.prevention.demo.DemoSeeder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoSeedTest {

    @Inject
    DemoSeeder seeder;

    @Test
    void demoDataGivesCurvesWithEventsAndCensoringAndIsSeededOnlyOnce() {
        seeder.seed(LocalDate.now());
        assertFalse(seeder.seedIfEmpty(LocalDate.now()), "never twice: programmes exist");
        String analyst = PostgresTestResource.primary().token().subject("dgst-analyst").roles("analyst")
                .clearance("SECRET").agency("DGST").sign();
        String programme = given().auth().oauth2(Fixtures.officer()).queryParam("kind", "PRISON_RECONCILIATION")
                .queryParam("limit", 500).get("/api/prevention/programmes").then().statusCode(200)
                .extract().path("items.find { it.institution == 'Prison locale de Salé 2' }.id");
        given().auth().oauth2(analyst).get("/api/prevention/programmes/" + programme + "/evaluation").then()
                .statusCode(200).body("editions.size()", equalTo(2))
                .body("overall.started", equalTo(58))
                .body("overall.survival.events", greaterThan(3))
                .body("overall.survival.censored", greaterThan(20))
                .body("overall.reoffenceRates[2].followed", greaterThan(10));
        given().auth().oauth2(analyst).get("/api/prevention/certificates/IMAM-2024-000102/validity").then()
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(analyst).get("/api/prevention/participants/YQ-DEMO-0001").then().statusCode(403);
    }
}
