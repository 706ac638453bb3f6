package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The prevention firewall, per role and per endpoint family: intelligence, liaison and partner tokens (and an
 * intelligence-agency supervisor) get 403 on every case endpoint — even with full clearance and the prevention
 * agency in their token — and may read aggregate statistics only.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFirewallTest {

    private String programme;
    private String edition;
    private String code;
    private String enrolment;
    private String session;
    private String contact;
    private String assessment;

    /** Created on first use: the HTTP port is only known once a test runs. */
    private void caseData() {
        if (programme != null) {
            return;
        }
        programme = Fixtures.reconciliationProgramme();
        String module = Fixtures.module(programme, "M1", 4);
        edition = Fixtures.edition(programme, 10);
        code = Fixtures.anyParticipant();
        enrolment = Fixtures.enrol(edition, code);
        session = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"moduleId\":\"" + module + "\",\"heldOn\":\"2024-02-06\"}")
                .post("/api/prevention/editions/" + edition + "/sessions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"releasedOn\":\"2024-06-01\",\"enrolmentId\":\"" + enrolment + "\"}")
                .post("/api/prevention/participants/" + code + "/releases").then().statusCode(201);
        contact = given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code + "/follow-up")
                .then().statusCode(200).extract().path("releases[0].contacts[0].id");
        assessment = AssessmentTest.assess(enrolment);
    }

    private List<String[]> caseEndpoints() {
        String json = "{}";
        return List.of(
                // participants and identity
                new String[] { "GET", "/api/prevention/participants", null },
                new String[] { "POST", "/api/prevention/participants", json },
                new String[] { "GET", "/api/prevention/participants/" + code, null },
                new String[] { "POST", "/api/prevention/participants/" + code + "/identity-disclosures",
                        "{\"purpose\":\"curious about this person\"}" },
                new String[] { "GET", "/api/prevention/participants/" + code + "/consents", null },
                new String[] { "POST", "/api/prevention/participants/" + code + "/consents", json },
                // enrolments, sessions, attendance
                new String[] { "GET", "/api/prevention/editions/" + edition + "/enrolments", null },
                new String[] { "POST", "/api/prevention/editions/" + edition + "/enrolments", json },
                new String[] { "GET", "/api/prevention/enrolments/" + enrolment, null },
                new String[] { "POST", "/api/prevention/enrolments/" + enrolment + "/transitions",
                        "{\"to\":\"WITHDRAWN\"}" },
                new String[] { "GET", "/api/prevention/enrolments/" + enrolment + "/transitions", null },
                new String[] { "GET", "/api/prevention/enrolments/" + enrolment + "/progress", null },
                new String[] { "GET", "/api/prevention/editions/" + edition + "/sessions", null },
                new String[] { "GET", "/api/prevention/sessions/" + session + "/attendance", null },
                new String[] { "PUT", "/api/prevention/sessions/" + session + "/attendance", json },
                // assessments
                new String[] { "GET", "/api/prevention/enrolments/" + enrolment + "/assessments", null },
                new String[] { "POST", "/api/prevention/enrolments/" + enrolment + "/assessments", json },
                new String[] { "GET", "/api/prevention/assessments/" + assessment, null },
                new String[] { "GET", "/api/prevention/assessments/" + assessment + "/comparison", null },
                new String[] { "GET", "/api/prevention/assessments/due", null },
                // follow-up
                new String[] { "GET", "/api/prevention/participants/" + code + "/follow-up", null },
                new String[] { "POST", "/api/prevention/participants/" + code + "/releases", json },
                new String[] { "POST", "/api/prevention/participants/" + code + "/milestones", json },
                new String[] { "POST", "/api/prevention/participants/" + code + "/reoffences", json },
                new String[] { "GET", "/api/prevention/follow-up-contacts/overdue", null },
                new String[] { "PUT", "/api/prevention/follow-up-contacts/" + contact, json },
                // handovers and referrals as seen from the prevention side
                new String[] { "GET", "/api/prevention/referrals", null },
                new String[] { "POST", "/api/prevention/handovers", json });
    }

    @ParameterizedTest
    @ValueSource(strings = { "analyst", "collector", "liaison-officer", "partner", "intelligence-supervisor" })
    void everyCaseEndpointRefusesIntelligenceLiaisonAndPartnerRoles(String role) {
        caseData();
        String token;
        if (role.equals("intelligence-supervisor")) {
            token = Fixtures.supervisor("DGST");
        } else {
            var builder = PostgresTestResource.primary().token().subject(role + "-fw").roles(role)
                    .clearance("TOP_SECRET").agency("MHAI");
            token = (role.equals("partner") ? builder.partner("es-cni") : builder).sign();
        }
        for (String[] endpoint : caseEndpoints()) {
            var request = given().auth().oauth2(token);
            if (endpoint[2] != null) {
                request = request.contentType(ContentType.JSON).body(endpoint[2]);
            }
            int status = request.request(endpoint[0], endpoint[1]).then().extract().statusCode();
            if (status != 403) {
                throw new AssertionError(role + " got " + status + " on " + endpoint[0] + " " + endpoint[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "analyst", "collector", "liaison-officer" })
    void aggregateStatisticsRemainReadable(String role) {
        caseData();
        String token = Fixtures.role(role);
        given().auth().oauth2(token).get("/api/prevention/programmes/" + programme + "/evaluation").then()
                .statusCode(200);
        given().auth().oauth2(token).get("/api/prevention/editions/" + edition + "/evaluation.svg").then()
                .statusCode(200).contentType("image/svg+xml");
        given().auth().oauth2(token).get("/api/prevention/statistics/outreach").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "prevention-officer", "mhai-supervisor" })
    void preventionStaffGetThrough(String who) {
        caseData();
        String token = who.equals("prevention-officer") ? Fixtures.officer() : Fixtures.supervisor("MHAI");
        given().auth().oauth2(token).get("/api/prevention/participants/" + code).then().statusCode(200);
        given().auth().oauth2(token).get("/api/prevention/enrolments/" + enrolment).then().statusCode(200);
        given().auth().oauth2(token).get("/api/prevention/participants/" + code + "/follow-up").then()
                .statusCode(200);
        given().auth().oauth2(token).get("/api/prevention/assessments/" + assessment).then().statusCode(200);
    }
}
