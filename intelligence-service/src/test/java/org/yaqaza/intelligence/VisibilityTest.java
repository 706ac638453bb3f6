package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A TOP_SECRET report in compartment X must not exist for anyone who may not see it. */
@QuarkusTest
class VisibilityTest {

    private static final String OWNER = token("TOP_SECRET", "DGST", "X");
    private String hiddenId;
    private String language;

    private static String token(String clearance, String agency, String... compartments) {
        return PostgresTestResource.primary().token().subject("u-" + clearance + "-" + agency + compartments.length)
                .roles("analyst").clearance(clearance).agency(agency).compartments(compartments).sign();
    }

    @BeforeEach
    void fileHiddenReport() {
        // a language code unique to this test, so counts are exact
        language = "x" + (char) ('a' + (int) (Math.random() * 26)) + (char) ('a' + (int) (Math.random() * 26));
        hiddenId = given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body(Fixtures.report("الخلية الشمالية", "TOP_SECRET", "X").replace("\"ar\"", "\"" + language + "\""))
                .post("/api/intelligence/reports")
                .then().statusCode(201).extract().path("id");
    }

    private void assertInvisibleTo(String token) {
        given().auth().oauth2(token).get("/api/intelligence/reports/" + hiddenId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("language", language).queryParam("limit", 500)
                .get("/api/intelligence/reports")
                .then().statusCode(200).body("items.id", not(hasItem(hiddenId)));
        given().auth().oauth2(token).queryParam("language", language).get("/api/intelligence/reports/count")
                .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void ownerSeesIt() {
        given().auth().oauth2(OWNER).get("/api/intelligence/reports/" + hiddenId).then().statusCode(200);
        given().auth().oauth2(OWNER).queryParam("language", language).get("/api/intelligence/reports/count")
                .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    void secretClearanceDoesNotSeeIt() {
        assertInvisibleTo(token("SECRET", "DGST", "X"));
    }

    @Test
    void topSecretWithoutTheCompartmentDoesNotSeeIt() {
        assertInvisibleTo(token("TOP_SECRET", "DGST", "Y"));
    }

    @Test
    void anotherAgencyDoesNotSeeItUntilASupervisorApprovesTheSharing() {
        String other = token("TOP_SECRET", "DGED", "X");
        assertInvisibleTo(other);
        // sharing wider is a lowering: never by a plain edit
        String body = Fixtures.report("الخلية الشمالية", "TOP_SECRET", "X")
                .replace("\"ar\"", "\"" + language + "\"")
                .replace("\"compartments\"", "\"sharedWith\":[\"DGED\"],\"version\":0,\"compartments\"");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(body)
                .put("/api/intelligence/reports/" + hiddenId).then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:problem:downgrade-required"));
        assertInvisibleTo(other);
        String request = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"objectType":"report","objectId":"%s","classification":"TOP_SECRET","compartments":["X"],
                 "sharedWith":["DGED"],"reason":"تنسيق مع المديرية العامة للدراسات والمستندات"}""".formatted(hiddenId))
                .post("/api/intelligence/marking-requests").then().statusCode(201).extract().path("id");
        assertInvisibleTo(other);
        String supervisor = PostgresTestResource.primary().token().subject("visibility-supervisor")
                .roles("supervisor").clearance("TOP_SECRET").agency("DGST").compartments("X").sign();
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/marking-requests/" + request + "/approve").then().statusCode(200);
        given().auth().oauth2(other).get("/api/intelligence/reports/" + hiddenId).then().statusCode(200);
    }

    @Test
    void aHiddenRecordCannotBeUpdatedEither() {
        given().auth().oauth2(token("SECRET", "DGST", "X")).contentType(ContentType.JSON)
                .body(Fixtures.report("overwrite", "SECRET").replace("\"compartments\"", "\"version\":0,\"compartments\""))
                .put("/api/intelligence/reports/" + hiddenId)
                .then().statusCode(404);
    }

    @Test
    void readsOfConfidentialRecordsAreAudited() {
        given().auth().oauth2(OWNER).get("/api/intelligence/reports/" + hiddenId).then().statusCode(200);
        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectId", hiddenId).get("/api/intelligence/audit")
                .then().statusCode(200).body("items.action", hasItem("READ"))
                .body("items.action", hasItem("CREATE"));
    }
}
