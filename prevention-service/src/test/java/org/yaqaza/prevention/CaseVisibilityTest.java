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
        String hidden = Fixtures.compartmentedParticipant(cleared, "RECON-X", "مراد الحسني", "Mourad El Hassani",
                "CX120045");
        String enrolment = Fixtures.enrolAs(cleared, edition, hidden);
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
