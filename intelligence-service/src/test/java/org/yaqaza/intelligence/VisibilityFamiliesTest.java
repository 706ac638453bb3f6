package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The visibility rule across endpoint families: TOP_SECRET records in compartment X are absent for a SECRET
 * caller (holding X) and for a TOP_SECRET caller without X — get (404), list, count, search, graph, path,
 * relationships, assessments, cases, products. (Alerts and statistics: AlertStreamTest, StatisticsAndProductTest.)
 */
@QuarkusTest
class VisibilityFamiliesTest {

    private static boolean ready;

    private static final String OWNER = Fixtures.user("vis-owner", "supervisor", "TOP_SECRET", "X");
    private static final String OWNER_ANALYST = Fixtures.user("vis-analyst", "analyst", "TOP_SECRET", "X");
    private static final String SECRET = Fixtures.user("vis-secret", "supervisor", "SECRET", "X");
    private static final String TS_NO_X = Fixtures.user("vis-ts", "supervisor", "TOP_SECRET", "Y");

    private static String lang;
    private static String report;
    private static String person;
    private static String visiblePerson;
    private static String relationship;
    private static String assessment;
    private static String caseId;

    /** Once per class (fields are static): RestAssured is ready only from the first test on. */
    @BeforeEach
    void fileHiddenRecords() {
        if (ready) {
            return;
        }
        ready = true;
        lang = Fixtures.uniqueLanguage();
        report = Fixtures.createReport(OWNER_ANALYST, Fixtures.report("HUMINT", "A", 1, "2026-03-01T10:00:00Z",
                lang, "قنبلة زرقاء", "مخطط سري للغاية قرب المرفأ", "TOP_SECRET", "X"));
        person = Fixtures.createEntity(OWNER, Fixtures.person("Zakaria Invisible", "TOP_SECRET", "X"));
        visiblePerson = Fixtures.createEntity(OWNER, Fixtures.person("Nabil Visible", "RESTRICTED"));
        relationship = Fixtures.relate(OWNER, visiblePerson, person, "ASSOCIATE_OF", "RESTRICTED");
        assessment = given().auth().oauth2(OWNER_ANALYST).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"CRITICAL","category":"TERRORISM","rationale":"r",
                 "nextReview":"2020-01-01","classification":"TOP_SECRET","compartments":["X"]}""".formatted(person))
                .post("/api/intelligence/assessments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + assessment + "/approve").then().statusCode(200);
        caseId = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"title":"Opération Invisible","category":"TERRORISM","classification":"TOP_SECRET",
                 "compartments":["X"]}""").post("/api/intelligence/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void theOwnerSeesEverything() {
        given().auth().oauth2(OWNER).get("/api/intelligence/entities/" + person).then().statusCode(200);
        given().auth().oauth2(OWNER).queryParam("q", "قنبلة").get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(report));
        given().auth().oauth2(OWNER).get("/api/intelligence/relationships/" + relationship).then().statusCode(200);
        given().auth().oauth2(OWNER).get("/api/intelligence/assessments/overdue").then()
                .body("id", hasItem(assessment));
        given().auth().oauth2(OWNER).get("/api/intelligence/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void secretCallerSeesNothing() {
        assertHidden(SECRET);
    }

    @Test
    void topSecretCallerWithoutTheCompartmentSeesNothing() {
        assertHidden(TS_NO_X);
    }

    private void assertHidden(String token) {
        given().auth().oauth2(token).get("/api/intelligence/reports/" + report).then().statusCode(404);
        given().auth().oauth2(token).queryParam("q", "قنبلة زرقاء").queryParam("limit", 500)
                .get("/api/intelligence/reports/search").then().statusCode(200).body("items.id", not(hasItem(report)));
        given().auth().oauth2(token).queryParam("language", lang).get("/api/intelligence/reports/count")
                .then().body("count", equalTo(0));
        given().auth().oauth2(token).get("/api/intelligence/entities/" + person).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("kind", "PERSON").queryParam("name", "Invisible")
                .get("/api/intelligence/entities").then().statusCode(200).body("items.id", not(hasItem(person)));
        given().auth().oauth2(token).get("/api/intelligence/entities/" + visiblePerson + "/graph?depth=2")
                .then().statusCode(200).body("nodes.id", not(hasItem(person)));
        given().auth().oauth2(token).get("/api/intelligence/entities/" + visiblePerson + "/relationships")
                .then().statusCode(200).body("items.id", not(hasItem(relationship)));
        given().auth().oauth2(token).get("/api/intelligence/relationships/" + relationship).then().statusCode(404);
        given().auth().oauth2(token).get("/api/intelligence/graph/path?from=" + visiblePerson + "&to=" + person)
                .then().statusCode(404);
        given().auth().oauth2(token).get("/api/intelligence/assessments/" + assessment).then().statusCode(404);
        given().auth().oauth2(token).get("/api/intelligence/assessments/overdue").then().statusCode(200)
                .body("id", not(hasItem(assessment)));
        given().auth().oauth2(token).get("/api/intelligence/alerts?limit=500").then().statusCode(200)
                .body("assessmentId", not(hasItem(assessment)));
        given().auth().oauth2(token).get("/api/intelligence/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(token).get("/api/intelligence/cases?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(caseId)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"entityId\":\"" + person + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(404);
    }
}
