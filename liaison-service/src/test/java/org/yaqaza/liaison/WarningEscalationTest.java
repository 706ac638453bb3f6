package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Threat warnings: deadlines by precedence (FLASH shortened to 6 s in the test profile), the acknowledgement
 * time, and escalation exactly once for a warning left unacknowledged.
 */
@QuarkusTest
class WarningEscalationTest {

    private static String issue(String partner, String precedence) {
        String body = """
                {"partner":"%s","precedence":"%s","tlp":"RED","category":"TERRORISM",
                 "title":"تحذير: هجوم وشيك محتمل",
                 "body":"Indications of an imminent attack on a transport hub; suspect travelled via Tarifa.",
                 "classification":"CONFIDENTIAL"}""".formatted(partner, precedence);
        return given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/warnings").then().statusCode(201).extract().path("id");
    }

    private static List<String> escalationsOf(String warningId) {
        return given().auth().oauth2(Fixtures.supervisor("duty-supervisor")).queryParam("warningId", warningId)
                .get("/api/liaison/escalations").then().statusCode(200).extract().path("id");
    }

    @Test
    void deadlinesFollowPrecedence() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = issue(partner, "IMMEDIATE");
        var w = given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/warnings/" + id).then().statusCode(200)
                .extract();
        Instant issued = Instant.parse(w.path("issuedAt"));
        Instant deadline = Instant.parse(w.path("deadlineAt"));
        assertEquals(Duration.ofHours(1), Duration.between(issued, deadline));
    }

    /** Two FLASH warnings: the one acknowledged in time is never escalated, the other exactly once. */
    @Test
    void anUnacknowledgedFlashWarningIsEscalatedOnceAndAnAcknowledgedOneNever() throws InterruptedException {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String other = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String partnerToken = Fixtures.partnerToken(partner);
        String acknowledged = issue(partner, "FLASH");
        given().auth().oauth2(partnerToken).post("/api/liaison/partner/warnings/" + acknowledged + "/acknowledge")
                .then().statusCode(200);
        String id = issue(partner, "FLASH");
        assertEquals(0, escalationsOf(id).size());
        given().auth().oauth2(Fixtures.partnerToken(other)).post("/api/liaison/partner/warnings/" + id
                + "/acknowledge").then().statusCode(404);
        given().auth().oauth2(partnerToken).get("/api/liaison/partner/warnings").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.hasItems(id, acknowledged));
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/warnings/" + acknowledged).then()
                .body("acknowledgedAt", notNullValue()).body("acknowledgedBy", equalTo(partner + "-client"))
                .body("acknowledgementSeconds", notNullValue());

        // deadline 6 s, the job runs every second: wait past it, then through several more runs
        long until = System.currentTimeMillis() + 30_000;
        while (escalationsOf(id).isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertEquals(1, escalationsOf(id).size());
        Thread.sleep(3_000);
        assertEquals(1, escalationsOf(id).size(), "escalated again");
        assertEquals(0, escalationsOf(acknowledged).size(), "an acknowledged warning was escalated");
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/warnings/" + acknowledged).then()
                .body("escalatedAt", nullValue());
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/warnings/" + id).then()
                .body("escalatedAt", notNullValue()).body("acknowledgedAt", nullValue());
        given().auth().oauth2(Fixtures.supervisor("duty-supervisor")).queryParam("warningId", id)
                .get("/api/liaison/escalations").then().body("[0].precedence", equalTo("FLASH"))
                .body("[0].partner", equalTo(partner));
        // a late acknowledgement is still recorded, and escalates nothing more
        given().auth().oauth2(partnerToken).post("/api/liaison/partner/warnings/" + id + "/acknowledge").then()
                .statusCode(200).body("acknowledgedAt", notNullValue());
        assertEquals(1, escalationsOf(id).size());
        // escalations are hidden from those who may not see the warning
        given().auth().oauth2(Fixtures.liaisonOfficer("RESTRICTED", "DGST")).queryParam("warningId", id)
                .get("/api/liaison/escalations").then().statusCode(200).body("size()", equalTo(0));
    }
}
