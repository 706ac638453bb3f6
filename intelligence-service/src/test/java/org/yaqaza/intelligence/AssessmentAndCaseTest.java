package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Four-eyes assessments with history and overdue reviews; cases with checked transitions and interventions. */
@QuarkusTest
class AssessmentAndCaseTest {

    private static final String ANALYST = Fixtures.user("case-analyst", "analyst", "SECRET");
    private static final String SUPERVISOR = Fixtures.user("case-supervisor", "supervisor", "SECRET");
    private static final String SUPERVISOR_AUTHOR = Fixtures.user("case-supervisor-2", "supervisor", "SECRET");
    private static final String FOUR_EYES = "urn:yaqaza:problem:four-eyes";

    private String assess(String token, String subject, String level, LocalDate review) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"%s","category":"TERRORISM",
                 "rationale":"اتصالات متكررة مع عناصر معروفة","indicators":["contacts","voyages"],
                 "nextReview":"%s","classification":"SECRET"}""".formatted(subject, level, review))
                .post("/api/intelligence/assessments").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
    }

    @Test
    void assessmentsNeedASecondPersonAndKeepTheirHistory() throws Exception {
        String person = Fixtures.createEntity(ANALYST, Fixtures.person("Karim Évalué", "SECRET"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"entityId\":\"" + person + "\"}")
                .post("/api/intelligence/watchlist").then().statusCode(201);
        String first = assess(SUPERVISOR_AUTHOR, person, "MODERATE", LocalDate.now().minusDays(3));
        // an analyst cannot approve at all; the author cannot approve their own
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + first + "/approve").then().statusCode(403);
        for (String decision : new String[] { "approve", "reject" }) {
            given().auth().oauth2(SUPERVISOR_AUTHOR).contentType(ContentType.JSON).body("{}")
                    .post("/api/intelligence/assessments/" + first + "/" + decision).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(FOUR_EYES))
                    .body("title", equalTo("Four-eyes rule"));
        }
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"note\":\"ok\"}")
                .post("/api/intelligence/assessments/" + first + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("case-supervisor"));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + first + "/approve").then().statusCode(409);
        given().auth().oauth2(ANALYST).get("/api/intelligence/assessments/overdue")
                .then().statusCode(200).body("id", hasItem(first));

        String second = assess(ANALYST, person, "SEVERE", LocalDate.now().plusMonths(6));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + second + "/approve").then().statusCode(200);
        given().auth().oauth2(ANALYST).get("/api/intelligence/assessments?subject=" + person)
                .then().statusCode(200).body("id", contains(second, first))
                .body("status", contains("APPROVED", "SUPERSEDED"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/assessments/overdue")
                .then().statusCode(200).body("id", not(hasItem(first)));
        // MODERATE then SEVERE: two raises, each an alert for supervisors
        given().auth().oauth2(SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().statusCode(200).body("findAll { it.entityId == '" + person + "' }.type",
                        containsInAnyOrder("THREAT_LEVEL_RAISED", "THREAT_LEVEL_RAISED"));
        String third = assess(ANALYST, person, "LOW", LocalDate.now().plusMonths(6));
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"note\":\"insuffisant\"}")
                .post("/api/intelligence/assessments/" + third + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void assessmentOfAnUnknownSubjectIs422() {
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"LOW","category":"TERRORISM","rationale":"r",
                 "nextReview":"2030-01-01","classification":"SECRET"}""".formatted(java.util.UUID.randomUUID()))
                .post("/api/intelligence/assessments").then().statusCode(422)
                .body("errors.field", hasItem("subjectId"));
    }

    @Test
    void caseTransitionsAreCheckedAndAnApprovedInterventionDismantlesTheCell() {
        String cell = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"kind":"ORGANISATION","displayName":"Cellule Démantelée","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"SECRET"}""")
                .post("/api/intelligence/entities").then().statusCode(201).extract().path("id");
        String caseId = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Opération Test","category":"TERRORISM","entityIds":["%s"],"classification":"SECRET"}"""
                .formatted(cell)).post("/api/intelligence/cases").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("allowedNext", contains("UNDER_SURVEILLANCE", "CLOSED"))
                .extract().path("id");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"to\":\"REFERRED_TO_JUSTICE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.message", contains("UNDER_SURVEILLANCE", "CLOSED"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200);
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"to\":\"INTERVENTION\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(409)
                .body("title", equalTo("No approved intervention"));

        String interventionId = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"date":"2024-05-04","place":"Nador","arrests":3,"seizures":["armes"],
                 "dismantlesOrganisationId":"%s"}""".formatted(cell))
                .post("/api/intelligence/cases/" + caseId + "/interventions").then().statusCode(201)
                .extract().path("interventions[0].id");
        given().auth().oauth2(SUPERVISOR).post("/api/intelligence/cases/" + caseId + "/interventions/"
                + interventionId + "/approve").then().statusCode(200)
                .body("status", equalTo("INTERVENTION"))
                .body("interventions[0].status", equalTo("APPROVED"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/entities/" + cell)
                .then().body("organisationStatus", equalTo("DISMANTLED")).body("statusSince", equalTo("2024-05-04"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"to\":\"REFERRED_TO_JUSTICE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(422)
                .body("errors.field", hasItem("prosecutionReference"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"to\":\"REFERRED_TO_JUSTICE\",\"prosecutionReference\":\"PR-2024-17\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200)
                .body("history.to", contains("OPEN", "UNDER_SURVEILLANCE", "INTERVENTION", "REFERRED_TO_JUSTICE"))
                .body("prosecutionReference", equalTo("PR-2024-17"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnIntervention() {
        String caseId = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"title\":\"Opération Quatre Yeux\",\"category\":\"ORGANISED_CRIME\","
                        + "\"classification\":\"SECRET\"}")
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200);
        String interventionId = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"date\":\"2025-01-01\",\"place\":\"Oujda\",\"arrests\":0}")
                .post("/api/intelligence/cases/" + caseId + "/interventions").then().statusCode(201)
                .extract().path("interventions[0].id");
        for (String decision : new String[] { "approve", "reject" }) {
            given().auth().oauth2(SUPERVISOR).post("/api/intelligence/cases/" + caseId + "/interventions/"
                    + interventionId + "/" + decision).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(FOUR_EYES));
        }
        // still pending: a second supervisor decides it
        given().auth().oauth2(SUPERVISOR_AUTHOR).post("/api/intelligence/cases/" + caseId + "/interventions/"
                + interventionId + "/approve").then().statusCode(200)
                .body("interventions[0].status", equalTo("APPROVED"))
                .body("interventions[0].decidedBy", equalTo("case-supervisor-2"));
    }
}
