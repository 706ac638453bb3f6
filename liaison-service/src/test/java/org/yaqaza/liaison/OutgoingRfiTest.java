package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Requests for information we send to a partner: the release checks at sending, the partner reads and answers only
 * its own, our side's visibility rule, withdrawal, expiry past the due date, and the audit trail.
 */
@QuarkusTest
class OutgoingRfiTest {

    private static String body(String partner, String category, String classification, String due) {
        return """
                {"partner":"%s","subject":"Déplacements d'un suspect","question":"هل لدى مصلحتكم معلومات عن تنقلات المشتبه به في مارس؟",
                 "category":"%s","tlp":"AMBER","dueDate":"%s","classification":"%s"}"""
                .formatted(partner, category, due, classification);
    }

    private static ValidatableResponse send(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/outgoing-rfis").then();
    }

    private static String sent(String partner, String classification) {
        return send(Fixtures.OFFICER, body(partner, "TERRORISM", classification,
                Fixtures.today().plusDays(7).toString())).statusCode(201).body("status", equalTo("SENT"))
                .extract().path("id");
    }

    private static ValidatableResponse answer(String partner, String id, String text) {
        return given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON)
                .body("{\"answer\":\"" + text + "\"}").post("/api/liaison/partner/rfis-received/" + id + "/answer")
                .then();
    }

    private static ValidatableResponse withdraw(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/api/liaison/outgoing-rfis/" + id + "/withdraw").then();
    }

    @Test
    void theChecksOfTheAgreementApplyWhenSending() {
        String partner = Fixtures.partnerWithAgreement("CONFIDENTIAL", "TERRORISM");
        String due = Fixtures.today().plusDays(3).toString();
        send(Fixtures.OFFICER, body(partner, "TERRORISM", "SECRET", due)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:liaison:release-check:classification-ceiling"));
        send(Fixtures.OFFICER, body(partner, "ORGANISED_CRIME", "RESTRICTED", due)).statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:category-allowed"));
        send(Fixtures.OFFICER, body("nobody-" + UUID.randomUUID(), "TERRORISM", "RESTRICTED", due))
                .statusCode(422).body("type", equalTo("urn:yaqaza:liaison:release-check:unknown-partner"));
        send(Fixtures.OFFICER, body(partner, "TERRORISM", "RESTRICTED", Fixtures.today().minusDays(1).toString()))
                .statusCode(400).body("errors.field", hasItem("dueDate"));
        send(Fixtures.OFFICER, "{\"partner\":\"" + partner + "\"}").statusCode(400)
                .body("errors.field", hasItem("question"));
        // a supervisor reads, a liaison officer sends
        send(Fixtures.supervisor("rfi-sup"), body(partner, "TERRORISM", "RESTRICTED", due)).statusCode(403);
        given().auth().oauth2(Fixtures.OFFICER).queryParam("partner", partner).get("/api/liaison/outgoing-rfis")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void thePartnerAnswersItsOwnRequestOnceAndAnotherPartnerSeesNothing() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String other = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = sent(partner, "CONFIDENTIAL");

        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/rfis-received").then()
                .statusCode(200).body("id", hasItem(id)).body("find { it.id == '" + id + "' }.status",
                        equalTo("SENT"))
                .body("find { it.id == '" + id + "' }.createdBy", nullValue());
        // another partner: not listed, 404 to read and to answer, nothing changes
        given().auth().oauth2(Fixtures.partnerToken(other)).get("/api/liaison/partner/rfis-received").then()
                .statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Fixtures.partnerToken(other)).get("/api/liaison/partner/rfis-received/" + id).then()
                .statusCode(404).contentType("application/problem+json");
        answer(other, id, "Not ours").statusCode(404);
        // our officers' routes are not the partner's
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/outgoing-rfis/" + id).then()
                .statusCode(403);

        answer(partner, id, "Oui : deux séjours à Tanger, du 3 au 9 mars.").statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answeredAt", notNullValue());
        answer(partner, id, "Second answer").statusCode(409);
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/outgoing-rfis/" + id).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer", equalTo("Oui : deux séjours à Tanger, du 3 au 9 mars."))
                .body("answeredBy", equalTo(partner + "-client"));
        // answered: no withdrawal
        withdraw(Fixtures.OFFICER, id).statusCode(409);

        var events = Fixtures.audit(id);
        org.hamcrest.MatcherAssert.assertThat(events.getList("items.action"), hasItem("SEND"));
        org.hamcrest.MatcherAssert.assertThat(events.getList("items.action"), hasItem("ANSWER"));
        given().auth().oauth2(Fixtures.auditor()).queryParam("actor", other + "-client")
                .queryParam("objectType", "partner-request").get("/api/liaison/audit").then().statusCode(200)
                .body("items.detail", hasItem("GET /api/liaison/partner/rfis-received/" + id + " -> 404"));
    }

    @Test
    void ourSideSeesOnlyWhatTheVisibilityRuleAllows() {
        String partner = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String secret = sent(partner, "SECRET");
        String low = Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST");
        String otherAgency = Fixtures.liaisonOfficer("TOP_SECRET", "DGED");
        for (String token : new String[] { low, otherAgency }) {
            given().auth().oauth2(token).get("/api/liaison/outgoing-rfis/" + secret).then().statusCode(404);
            given().auth().oauth2(token).queryParam("partner", partner).get("/api/liaison/outgoing-rfis").then()
                    .statusCode(200).body("items.size()", equalTo(0));
            withdraw(token, secret).statusCode(404);
        }
        given().auth().oauth2(Fixtures.supervisor("rfi-reader")).queryParam("partner", partner)
                .get("/api/liaison/outgoing-rfis").then().statusCode(200).body("items.id", hasItem(secret));
        // nobody marks above their own clearance
        send(low, body(partner, "TERRORISM", "SECRET", Fixtures.today().plusDays(2).toString())).statusCode(422);
    }

    @Test
    void aRequestIsWithdrawnOrExpiresAndThenTakesNoAnswer() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String withdrawn = sent(partner, "RESTRICTED");
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Obtenu par ailleurs\"}")
                .post("/api/liaison/outgoing-rfis/" + withdrawn + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawReason", equalTo("Obtenu par ailleurs"));
        answer(partner, withdrawn, "Trop tard").statusCode(409);
        withdraw(Fixtures.OFFICER, withdrawn).statusCode(409);
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/rfis-received/" + withdrawn)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));

        String late = sent(partner, "RESTRICTED");
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement()) {
            // the due date passes (the API refuses past due dates, so time is moved in the data)
            s.executeUpdate("update outgoing_rfi set due_date = current_date - 1 where id = '" + late + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/outgoing-rfis/" + late).then()
                .body("status", equalTo("EXPIRED")).body("overdue", equalTo(true));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("status", "EXPIRED").queryParam("partner", partner)
                .get("/api/liaison/outgoing-rfis").then().statusCode(200).body("items.id", hasItem(late))
                .body("items.id", not(hasItem(withdrawn)));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("status", "SENT").queryParam("partner", partner)
                .get("/api/liaison/outgoing-rfis").then().statusCode(200).body("items.size()", equalTo(0));
        answer(partner, late, "Trop tard").statusCode(409).body("title", equalTo("RFI expired"));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("status", "LATE").get("/api/liaison/outgoing-rfis").then()
                .statusCode(400);
        // an expired request may still be withdrawn (closing it on our side)
        withdraw(Fixtures.OFFICER, late).statusCode(200).body("status", equalTo("WITHDRAWN"));
    }
}
