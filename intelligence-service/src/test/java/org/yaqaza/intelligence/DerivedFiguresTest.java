package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Dismantled cells and foiled plots, which the annual statistics count, change only through an approved
 * intervention: setting them directly is refused (422 naming the intervention route) and the figures stay; an
 * approved intervention moves them by exactly one.
 */
@QuarkusTest
class DerivedFiguresTest {

    // 1979 and HUMAN_TRAFFICKING: a year and category no other test counts
    private static final String STATS = "/api/intelligence/statistics/annual?from=1979&to=1979"
            + "&category=HUMAN_TRAFFICKING";
    private static final String ANALYST = Fixtures.user("figures-analyst", "analyst", "SECRET");
    private static final String SUPERVISOR = Fixtures.user("figures-supervisor", "supervisor", "SECRET");
    private static final String INTERVENTION_REQUIRED = "urn:yaqaza:problem:intervention-required";

    private static String plot(String status) {
        return """
                {"kind":"EVENT","displayName":"مخطط 1979","eventType":"PLOT","eventStatus":"%s",
                 "eventDate":"1979-04-02","category":"HUMAN_TRAFFICKING","classification":"SECRET"}"""
                .formatted(status);
    }

    private static String cell(String status) {
        return """
                {"kind":"ORGANISATION","displayName":"Cellule 1979","organisationKind":"CELL",
                 "organisationStatus":"%s","category":"HUMAN_TRAFFICKING","classification":"SECRET"}"""
                .formatted(status);
    }

    private static int figure(String name) {
        return given().auth().oauth2(ANALYST).get(STATS).then().statusCode(200).extract()
                .path("years[0]." + name);
    }

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void settingTheFiguresDirectlyIsRefusedAndAnApprovedInterventionCountsOnce() {
        int foiled = figure("plotsFoiled");
        int dismantled = figure("cellsDismantled");

        post("/api/intelligence/entities", plot("FOILED")).statusCode(422)
                .body("type", equalTo(INTERVENTION_REQUIRED)).body("detail", containsString("/interventions"));
        post("/api/intelligence/entities", cell("DISMANTLED")).statusCode(422)
                .body("type", equalTo(INTERVENTION_REQUIRED));
        String plot = Fixtures.createEntity(ANALYST, plot("PLANNED"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "0").body(plot("FOILED"))
                .put("/api/intelligence/entities/" + plot).then().statusCode(422)
                .body("type", equalTo(INTERVENTION_REQUIRED));
        String cell = Fixtures.createEntity(ANALYST, cell("ACTIVE"));
        post("/api/intelligence/entities/" + cell + "/status", "{\"status\":\"DISMANTLED\",\"effectiveDate\":"
                + "\"1979-06-01\"}").statusCode(422).body("type", equalTo(INTERVENTION_REQUIRED))
                .body("detail", containsString("POST /api/intelligence/cases/{caseId}/interventions"));
        assertEquals(foiled, figure("plotsFoiled"));
        assertEquals(dismantled, figure("cellsDismantled"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/entities/" + cell).then()
                .body("organisationStatus", equalTo("ACTIVE"));

        String operation = Fixtures.caseUnderSurveillance(ANALYST, "Opération 1979", "SECRET");
        // requested but not yet approved: nothing counted
        post("/api/intelligence/cases/" + operation + "/interventions", """
                {"date":"1979-04-02","place":"طنجة","arrests":0,"foilsEventId":"%s"}""".formatted(plot))
                .statusCode(201);
        assertEquals(foiled, figure("plotsFoiled"));
        String pending = given().auth().oauth2(ANALYST).get("/api/intelligence/cases/" + operation).then()
                .extract().path("interventions[0].id");
        given().auth().oauth2(SUPERVISOR).post("/api/intelligence/cases/" + operation + "/interventions/" + pending
                + "/approve").then().statusCode(200).body("interventions[0].foilsEventId", equalTo(plot));
        assertEquals(foiled + 1, figure("plotsFoiled"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/entities/" + plot).then()
                .body("eventStatus", equalTo("FOILED"));

        Fixtures.approvedIntervention(ANALYST, SUPERVISOR, operation, "1979-06-01",
                "\"dismantlesOrganisationId\":\"" + cell + "\"");
        assertEquals(dismantled + 1, figure("cellsDismantled"));
        assertEquals(foiled + 1, figure("plotsFoiled"));

        // what the intervention counted stays as it counted it
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "1")
                .body(plot("FOILED").replace("1979-04-02", "1980-04-02")).put("/api/intelligence/entities/" + plot)
                .then().statusCode(422).body("type", equalTo(INTERVENTION_REQUIRED));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "1")
                .body(plot("PLANNED")).put("/api/intelligence/entities/" + plot).then().statusCode(422);
        assertEquals(foiled + 1, figure("plotsFoiled"));
    }

    @Test
    void onlyAPlannedPlotOfTheOwningAgencyIsFoiled() {
        String operation = Fixtures.caseUnderSurveillance(ANALYST, "Opération contrôles", "SECRET");
        String executed = Fixtures.createEntity(ANALYST, plot("EXECUTED"));
        post("/api/intelligence/cases/" + operation + "/interventions", """
                {"date":"1979-04-02","place":"طنجة","arrests":0,"foilsEventId":"%s"}""".formatted(executed))
                .statusCode(409);
        String person = Fixtures.createEntity(ANALYST, Fixtures.person("Pas un complot", "SECRET"));
        post("/api/intelligence/cases/" + operation + "/interventions", """
                {"date":"1979-04-02","place":"طنجة","arrests":0,"foilsEventId":"%s"}""".formatted(person))
                .statusCode(422);
        String foreign = Fixtures.userOf("DGED", "figures-dged", "analyst", "SECRET");
        String theirs = given().auth().oauth2(foreign).contentType(ContentType.JSON)
                .body(plot("PLANNED").replace("\"classification\"", "\"sharedWith\":[\"DGST\"],\"classification\""))
                .post("/api/intelligence/entities").then().statusCode(201).extract().path("id");
        post("/api/intelligence/cases/" + operation + "/interventions", """
                {"date":"1979-04-02","place":"طنجة","arrests":0,"foilsEventId":"%s"}""".formatted(theirs))
                .statusCode(403).body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
    }
}
