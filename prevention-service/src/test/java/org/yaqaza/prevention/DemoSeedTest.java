package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.prevention.demo.DemoSeeder;
import org.yaqaza.prevention.service.RetentionService;

import io.restassured.http.ContentType;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoSeedTest {

    @Inject
    DemoSeeder seeder;

    @Inject
    RetentionService retention;

    @Test
    void demoDataGivesCurvesWithEventsAndCensoringAndIsSeededOnlyOnce() {
        LocalDate today = LocalDate.now();
        seeder.seed(today);
        assertFalse(seeder.seedIfEmpty(today), "never twice: programmes exist");
        String analyst = PostgresTestResource.primary().token().subject("dgst-analyst").roles("analyst")
                .clearance("SECRET").agency("DGST").sign();
        String programme = given().auth().oauth2(Fixtures.officer()).queryParam("kind", "PRISON_RECONCILIATION")
                .queryParam("limit", 500).get("/api/prevention/programmes").then().statusCode(200)
                .extract().path("items.find { it.institution == 'Prison locale de Salé 2' }.id");
        given().auth().oauth2(analyst).get("/api/prevention/programmes/" + programme + "/evaluation").then()
                .statusCode(200).body("editions.size()", equalTo(2))
                .body("overall.started", equalTo(58))
                .body("overall.survival.events", greaterThan(3))
                .body("overall.survival.censored", greaterThan(20))
                .body("overall.reoffenceRates[2].followed", greaterThan(10));
        given().auth().oauth2(analyst).get("/api/prevention/certificates/IMAM-2024-000102/validity").then()
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(analyst).get("/api/prevention/participants/YQ-DEMO-0001").then().statusCode(403);
        anOfficerFindsTodaysWork(today);
    }

    /**
     * The running edition, dated from the seeding day: six active participants, attendance for the sessions held,
     * applicants still to handle, three contacts due within two weeks and one overdue; names in Arabic and French;
     * and the retention job leaves them alone.
     */
    private void anOfficerFindsTodaysWork(LocalDate today) {
        // cleared like the demo user prevention-officer
        String officer = Fixtures.officer("RESTRICTED", "MHAI");
        String programme = given().auth().oauth2(officer).queryParam("kind", "POST_RELEASE_REINTEGRATION")
                .queryParam("limit", 500).get("/api/prevention/programmes").then().statusCode(200).extract()
                .path("items.find { it.name == 'Accompagnement post-carcéral — Fès' }.id");
        String edition = given().auth().oauth2(officer).get("/api/prevention/programmes/" + programme + "/editions")
                .then().statusCode(200).body("size()", equalTo(1))
                .body("[0].startsOn", equalTo(today.minusWeeks(6).toString())).extract().path("[0].id");
        given().auth().oauth2(officer).get("/api/prevention/editions/" + edition).then().statusCode(200)
                .body("placesTaken", equalTo(6)).body("waiting", equalTo(0));
        List<Map<String, Object>> enrolments = given().auth().oauth2(officer)
                .get("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(200).extract()
                .path("");
        assertEquals(List.of("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "APPLIED", "SCREENED"),
                enrolments.stream().map(e -> (String) e.get("state")).sorted().toList());
        List<String> codes = enrolments.stream().map(e -> (String) e.get("participantCode")).toList();

        List<Map<String, Object>> sessions = given().auth().oauth2(officer)
                .get("/api/prevention/editions/" + edition + "/sessions").then().statusCode(200)
                .body("size()", equalTo(12)).extract().path("");
        int held = 0;
        int absences = 0;
        for (Map<String, Object> session : sessions) {
            List<String> marks = given().auth().oauth2(officer)
                    .get("/api/prevention/sessions/" + session.get("id") + "/attendance").then().statusCode(200)
                    .extract().path("status");
            boolean past = LocalDate.parse((String) session.get("heldOn")).isBefore(today);
            assertEquals(past ? 6 : 0, marks.size(), "attendance only for the sessions already held");
            held += past ? 1 : 0;
            absences += (int) marks.stream().filter(m -> !m.equals("PRESENT")).count();
        }
        assertEquals(6, held);
        assertEquals(2, absences, "one absence and one excuse");

        List<Map<String, Object>> overdue = given().auth().oauth2(officer).queryParam("asOf", today.toString())
                .get("/api/prevention/follow-up-contacts/overdue").then().statusCode(200).extract().path("");
        List<Map<String, Object>> ours = overdue.stream().filter(o -> codes.contains(o.get("participantCode")))
                .toList();
        assertEquals(1, ours.size(), "exactly one overdue contact in the running edition: " + ours);
        int daysOverdue = ((Number) ours.get(0).get("daysOverdue")).intValue();
        assertTrue(daysOverdue >= 9 && daysOverdue <= 12, "about nine days overdue: " + daysOverdue);

        int dueSoon = 0;
        List<String> notes = new ArrayList<>();
        for (String code : codes) {
            List<Map<String, Object>> contacts = given().auth().oauth2(officer)
                    .get("/api/prevention/participants/" + code + "/follow-up").then().statusCode(200).extract()
                    .path("releases.flatten().contacts.flatten()");
            for (Map<String, Object> contact : contacts) {
                LocalDate due = LocalDate.parse((String) contact.get("dueOn"));
                if (contact.get("doneOn") == null && !due.isBefore(today) && due.isBefore(today.plusDays(14))) {
                    dueSoon++;
                }
                if (contact.get("note") != null) {
                    notes.add((String) contact.get("note"));
                }
            }
        }
        assertEquals(3, dueSoon, "three contacts due within two weeks");
        assertTrue(notes.stream().anyMatch(n -> n.contains("emploi")), "a note in French: " + notes);
        assertTrue(notes.stream().anyMatch(n -> n.contains("تكوين مهني")), "a note in Arabic: " + notes);

        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("purpose", "Préparer l'entretien de suivi"))
                .post("/api/prevention/participants/" + codes.get(0) + "/identity-disclosures").then()
                .statusCode(200).body("fullNameAr", equalTo("سفيان بنجلون"))
                .body("fullNameLatin", equalTo("Soufiane Benjelloun"));

        // the retention job run on the seeding day: open enrolments and open follow-up keep them
        retention.anonymiseDue(today);
        for (String code : codes) {
            given().auth().oauth2(officer).get("/api/prevention/participants/" + code).then().statusCode(200)
                    .body("anonymised", equalTo(false));
        }
    }
}
