package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A participant in a compartment the caller does not hold is absent everywhere, statistics included. */
@QuarkusTest
class CaseVisibilityTest {

    @Test
    void aCompartmentedParticipantIsHiddenFromEveryCaseEndpointAndFromTheFigures() {
        String cleared = Fixtures.officer("SECRET", "MHAI", "RECON-X");
        String uncleared = Fixtures.officer();
        String programme = Fixtures.reconciliationProgramme();
        String edition = Fixtures.edition(programme, 10);
        Fixtures.enrol(edition, Fixtures.anyParticipant());
        String hidden = given().auth().oauth2(cleared).contentType(ContentType.JSON).body("""
                {"identity":%s,"classification":"SECRET","compartments":["RECON-X"],
                 "consents":[{"scope":"PARTICIPATION","givenOn":"2024-01-02"},
                             {"scope":"FOLLOW_UP","givenOn":"2024-01-02"}]}"""
                .formatted(Fixtures.identity("مراد الحسني", "Mourad El Hassani", "CX120045")))
                .post("/api/prevention/participants").then().statusCode(201).extract().path("code");
        String enrolment = given().auth().oauth2(cleared).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + hidden + "\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(201)
                .extract().path("id");
        for (String to : new String[] { "SCREENED", "ENROLLED" }) {
            given().auth().oauth2(cleared).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                    .post("/api/prevention/enrolments/" + enrolment + "/transitions").then().statusCode(200);
        }
        String evaluation = "/api/prevention/programmes/" + programme + "/evaluation";
        given().auth().oauth2(cleared).get(evaluation).then().body("overall.started", equalTo(2));

        given().auth().oauth2(uncleared).get("/api/prevention/participants/" + hidden).then().statusCode(404);
        given().auth().oauth2(uncleared).get("/api/prevention/enrolments/" + enrolment).then().statusCode(404);
        given().auth().oauth2(uncleared).get("/api/prevention/participants/" + hidden + "/follow-up").then()
                .statusCode(404);
        given().auth().oauth2(uncleared).contentType(ContentType.JSON).body("{\"purpose\":\"should not work\"}")
                .post("/api/prevention/participants/" + hidden + "/identity-disclosures").then().statusCode(404);
        given().auth().oauth2(uncleared).get("/api/prevention/editions/" + edition + "/enrolments").then()
                .statusCode(200).body("size()", equalTo(1)).body("participantCode", not(hasItem(hidden)));
        given().auth().oauth2(uncleared).queryParam("limit", 500).get("/api/prevention/participants").then()
                .statusCode(200).body("items.code", not(hasItem(hidden)));
        given().auth().oauth2(uncleared).get(evaluation).then().body("overall.started", equalTo(1));
    }
}
