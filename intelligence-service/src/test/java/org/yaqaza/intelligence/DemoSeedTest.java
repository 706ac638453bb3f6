package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.demo.DemoSeeder;

import io.quarkus.test.junit.QuarkusTest;

/** The demo dataset seeds through the services: its shape, its Arabic/Latin names, and the real article. */
@QuarkusTest
class DemoSeedTest {

    @Inject
    DemoSeeder seeder;

    @Test
    void demoDatasetHasTheAgreedShapeAndIsNeverSeededTwice() {
        // the shared test database already holds reports: the startup path seeds nothing
        Fixtures.createReport(Fixtures.analyst("SECRET"), Fixtures.report("x", "RESTRICTED"));
        assertFalse(seeder.seedIfEmpty());

        DemoSeeder.Seeded seeded = seeder.seed();
        assertTrue(seeded.persons().size() >= 50);
        assertEquals(5, seeded.cells().size());
        assertEquals(200, seeded.reports().size());
        assertEquals(2, seeded.cases().size());
        assertTrue(seeded.events() > 30);

        String token = Fixtures.user("demo-reader", "supervisor", "TOP_SECRET", "CT-NORTH", "CT-SOUTH");
        var person = given().auth().oauth2(token).get("/api/intelligence/entities/" + seeded.persons().get(1))
                .then().statusCode(200).extract().jsonPath();
        Set<String> scripts = new HashSet<>(person.getList("names.script"));
        assertEquals(Set.of("ARABIC", "LATIN"), scripts);
        assertTrue(person.getList("names.type").contains("KUNYA"));
        given().auth().oauth2(token).queryParam("q", "الأجهزة الاستخباراتية").queryParam("sourceType", "OSINT")
                .queryParam("limit", 100).get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(seeded.articleReport().toString()));
        given().auth().oauth2(token).get("/api/intelligence/entities/" + seeded.cells().get(0) + "/cell")
                .then().statusCode(200).body("members.size()", greaterThan(3));
        given().auth().oauth2(token).get("/api/intelligence/statistics/annual?from=2015")
                .then().statusCode(200).body("years[0].plotsFoiled", greaterThan(0));
    }
}
