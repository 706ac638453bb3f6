package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.prevention.service.RetentionService;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Evaluation figures on a small cohort worked out by hand, and the retention job leaving them unchanged. */
@QuarkusTest
class EvaluationRetentionTest {

    @Inject
    RetentionService retention;

    private static final LocalDate TODAY = LocalDate.now();

    private static String release(String code, String enrolment, LocalDate on) {
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"releasedOn\":\"" + on + "\",\"enrolmentId\":\"" + enrolment + "\"}")
                .post("/api/prevention/participants/" + code + "/releases").then().statusCode(201);
        return given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code + "/follow-up")
                .then().extract().path("releases[0].id");
    }

    private static void end(String release, LocalDate on) {
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body("{\"endedOn\":\"" + on + "\"}")
                .post("/api/prevention/releases/" + release + "/end").then().statusCode(200);
    }

    @Test
    void completionReoffenceRatesSurvivalAndRetention() throws Exception {
        String programme = Fixtures.reconciliationProgramme();
        String module = Fixtures.module(programme, "SELF", 2);
        String edition = Fixtures.edition(programme, 10);
        String[] codes = new String[5];
        String[] enrolments = new String[5];
        for (int i = 0; i < 5; i++) {
            codes[i] = Fixtures.anyParticipant();
            enrolments[i] = Fixtures.enrol(edition, codes[i]);
            Fixtures.move(enrolments[i], "ACTIVE").statusCode(200);
        }
        for (int i = 0; i < 4; i++) {
            Fixtures.move(enrolments[i], "COMPLETED").statusCode(200);
        }
        Fixtures.move(enrolments[4], "WITHDRAWN").statusCode(200);
        // attendance: participant 0 at both sessions, participant 1 at one
        for (int s = 0; s < 2; s++) {
            String session = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                    .body("{\"moduleId\":\"" + module + "\",\"heldOn\":\"2024-02-0" + (s + 1) + "\"}")
                    .post("/api/prevention/editions/" + edition + "/sessions").then().statusCode(201)
                    .extract().path("id");
            given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                    .body("{\"marks\":[{\"enrolmentId\":\"" + enrolments[0] + "\",\"status\":\"PRESENT\"},"
                            + "{\"enrolmentId\":\"" + enrolments[1] + "\",\"status\":\""
                            + (s == 0 ? "PRESENT" : "ABSENT") + "\"}]}")
                    .put("/api/prevention/sessions/" + session + "/attendance").then().statusCode(200);
        }
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/enrolments/" + enrolments[1] + "/progress")
                .then().statusCode(200).body("completionPercent", equalTo(50.0f));

        // p0: released 4 years ago, re-offends 200 days later, follow-up then closed
        String r0 = release(codes[0], enrolments[0], TODAY.minusYears(4));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"occurredOn\":\"" + TODAY.minusYears(4).plusDays(200) + "\",\"kind\":\"VIOLENT\"}")
                .post("/api/prevention/participants/" + codes[0] + "/reoffences").then().statusCode(201);
        end(r0, TODAY.minusYears(4).plusDays(300));
        // p1: released 3 years and 10 days ago, no re-offence, still followed
        release(codes[1], enrolments[1], TODAY.minusYears(3).minusDays(10));
        // p2: released 2 years 10 days ago, follow-up ended after 400 days
        String r2 = release(codes[2], enrolments[2], TODAY.minusYears(2).minusDays(10));
        end(r2, TODAY.minusYears(2).minusDays(10).plusDays(400));
        // p3: released 6 months ago
        release(codes[3], enrolments[3], TODAY.minusMonths(6));

        String path = "/api/prevention/programmes/" + programme + "/evaluation";
        String before = given().auth().oauth2(Fixtures.officer()).queryParam("asOf", TODAY.toString()).get(path)
                .then().statusCode(200)
                .body("overall.started", equalTo(5)).body("overall.completed", equalTo(4))
                .body("overall.completionRate", equalTo(0.8f))
                .body("overall.meanAttendancePercent", equalTo(30.0f))
                .body("overall.released", equalTo(4))
                .body("overall.reoffenceRates[0].followed", equalTo(3))
                .body("overall.reoffenceRates[0].reoffended", equalTo(1))
                .body("overall.reoffenceRates[1].followed", equalTo(2))
                .body("overall.reoffenceRates[1].rate", equalTo(0.5f))
                .body("overall.reoffenceRates[2].followed", equalTo(2))
                .body("overall.survival.events", equalTo(1))
                .body("overall.survival.censored", equalTo(3))
                .body("overall.survival.steps.find { it.events == 1 }.time", equalTo(200))
                .body("overall.survival.steps.find { it.events == 1 }.atRisk", equalTo(3))
                .body("editions[0].started", equalTo(5))
                .extract().asString();
        float s = given().auth().oauth2(Fixtures.officer()).queryParam("asOf", TODAY.toString()).get(path).then()
                .extract().path("overall.survival.steps.find { it.events == 1 }.survival");
        assertEquals(2.0 / 3, s, 0.0005);

        String svg = given().auth().oauth2(Fixtures.role("analyst")).get(path + ".svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        assertEquals("svg", factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement()
                .getLocalName());

        // retention: p0 (follow-up closed 3+ years ago), p2 and the withdrawn p4 are past a 12-month period
        // when the job runs 2 years from now; p1 and p3 are still followed
        retention.anonymiseDue(TODAY.plusYears(2).plusMonths(60 - 12));
        for (int i : new int[] { 0, 2, 4 }) {
            given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + codes[i]).then()
                    .statusCode(200).body("code", equalTo(codes[i])).body("anonymised", equalTo(true));
            given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                    .body("{\"purpose\":\"checking after retention\"}")
                    .post("/api/prevention/participants/" + codes[i] + "/identity-disclosures").then()
                    .statusCode(410);
            try (Connection c = PostgresTestResource.superuser("prevention");
                    PreparedStatement st = c.prepareStatement("select full_name_ar, national_id from participant"
                            + " where code = ?")) {
                st.setString(1, codes[i]);
                try (ResultSet rs = st.executeQuery()) {
                    assertTrue(rs.next());
                    assertNull(rs.getBytes(1));
                    assertNull(rs.getBytes(2));
                }
            }
        }
        for (int i : new int[] { 1, 3 }) {
            given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + codes[i]).then()
                    .body("anonymised", equalTo(false));
        }
        String after = given().auth().oauth2(Fixtures.officer()).queryParam("asOf", TODAY.toString()).get(path)
                .then().statusCode(200).extract().asString();
        assertEquals(before, after, "statistics are the same before and after anonymisation");
        given().auth().oauth2(PostgresTestResource.primary().token().subject("auditor-1").roles("auditor")
                .clearance("TOP_SECRET").sign()).queryParam("objectType", "participant")
                .queryParam("objectId", codes[0]).get("/api/prevention/audit").then()
                .body("items.action", hasItem("ANONYMISE")).body("items.subject", hasItem("system:retention"));
    }
}
