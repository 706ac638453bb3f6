package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Partner intelligence is accepted while the intelligence-service is down, and once it is back exactly one
 * PARTNER report exists for it, even when the answer to the first successful delivery is lost.
 */
@QuarkusTest
class OutboxTest {

    private static final String ARTICLE = """
            {"title":"معلومات عن شبكة تهريب عبر مضيق جبل طارق",
             "body":"تفيد المعلومات بأن شبكة تستعمل قوارب سريعة لنقل أشخاص مطلوبين بين طنجة وطريفة.",
             "language":"ar","reliability":"B","credibility":2,"classification":"CONFIDENTIAL","tlp":"AMBER"}""";

    @Test
    void acceptedDuringAnOutageAndDeliveredExactlyOnce() throws Exception {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        String id;
        IntelligenceStub.stop();
        try {
            id = given().auth().oauth2(token).contentType(ContentType.JSON).body(ARTICLE)
                    .post("/api/liaison/partner/intelligence").then().statusCode(202)
                    .body("reportId", nullValue()).body("partner", equalTo(partner)).extract().path("id");
            IntelligenceStub.loseFirstAnswerFor("liaison-submission-" + id);
            long until = System.currentTimeMillis() + 20_000;
            while (attempts(id) < 2 && System.currentTimeMillis() < until) {
                Thread.sleep(300);
            }
            assertTrue(attempts(id) >= 2, "the dispatcher kept trying while the service was down");
            assertEquals("PARTNER", sql("select payload ->> 'sourceType' from outbox where aggregate_id = '" + id
                    + "'"), "the outbox holds the report as a JSON object");
            given().auth().oauth2(token).get("/api/liaison/partner/intelligence/" + id).then().statusCode(200)
                    .body("reportId", nullValue());
        } finally {
            IntelligenceStub.restart();
        }
        String key = "liaison-submission-" + id;
        long until = System.currentTimeMillis() + 30_000;
        String reportId = null;
        while (reportId == null && System.currentTimeMillis() < until) {
            Thread.sleep(300);
            reportId = given().auth().oauth2(token).get("/api/liaison/partner/intelligence/" + id).then()
                    .statusCode(200).extract().path("reportId");
        }
        assertNotNull(reportId, "delivered once the intelligence-service is back");
        assertEquals(1, IntelligenceStub.reportsFromPartner(partner));
        assertTrue(IntelligenceStub.requestsWithKey(key) >= 2, "the lost answer was retried");
        assertEquals(reportId, IntelligenceStub.report(key).path("id").asText());
        assertEquals("PARTNER", IntelligenceStub.report(key).path("sourceType").asText());
        assertEquals(partner, IntelligenceStub.report(key).path("originatorPartner").asText());
        assertEquals("CONFIDENTIAL", IntelligenceStub.report(key).path("classification").asText());
        long requests = IntelligenceStub.requestsWithKey(key);
        Thread.sleep(2_500);
        assertEquals(requests, IntelligenceStub.requestsWithKey(key), "nothing sent after delivery");
        assertEquals(1, IntelligenceStub.reportsFromPartner(partner));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("partner", partner).get("/api/liaison/incoming").then()
                .statusCode(200).body("items.reportId", hasItem(reportId));
    }

    @Test
    void submissionsAreValidatedAndPrivateToTheirPartner() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String other = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"body\":\"x\",\"language\":\"Arabic\",\"credibility\":9}")
                .post("/api/liaison/partner/intelligence").then().statusCode(400)
                .body("errors.field", hasItem("title")).body("errors.field", hasItem("language"))
                .body("errors.field", hasItem("credibility"));
        String id = given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON).body(ARTICLE)
                .post("/api/liaison/partner/intelligence").then().statusCode(202).extract().path("id");
        given().auth().oauth2(Fixtures.partnerToken(other)).get("/api/liaison/partner/intelligence/" + id).then()
                .statusCode(404);
        given().auth().oauth2(Fixtures.partnerToken(other)).get("/api/liaison/partner/intelligence").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/intelligence").then()
                .statusCode(200).body("id", hasItem(id));
        // CONFIDENTIAL: an officer cleared RESTRICTED does not see it
        given().auth().oauth2(Fixtures.liaisonOfficer("RESTRICTED", "DGST")).get("/api/liaison/incoming/" + id)
                .then().statusCode(404);
    }

    private static String sql(String query) throws Exception {
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int attempts(String submissionId) throws Exception {
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select attempts from outbox where aggregate_id = '" + submissionId
                        + "'")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
