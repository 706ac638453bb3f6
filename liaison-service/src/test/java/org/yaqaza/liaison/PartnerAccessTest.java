package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A partner system sees only what was released to it, through REST and TAXII; all else is 404. */
@QuarkusTest
class PartnerAccessTest {

    private static final String TAXII = "application/taxii+json;version=2.1";

    @Test
    void aPartnerSeesItsOwnReleasesAndGets404ForAnotherPartners() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String b = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String toA = Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "AMBER", a);
        String toB = Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "GREEN", b);
        String draftToA = Fixtures.draft(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "GREEN", a);

        String tokenA = Fixtures.partnerToken(a);
        given().auth().oauth2(tokenA).get("/api/liaison/partner/releases/" + toA).then().statusCode(200)
                .body("title", equalTo("تقييم: خلية تجنيد عبر الإنترنت في الشمال")).body("tlp", equalTo("AMBER"))
                .body("status", equalTo("RELEASED"));
        given().auth().oauth2(tokenA).get("/api/liaison/partner/releases").then().statusCode(200)
                .body("items.id", hasItem(toA)).body("items.id", not(hasItem(toB)))
                .body("items.id", not(hasItem(draftToA)));
        for (String hidden : new String[] { toB, draftToA, UUID.randomUUID().toString() }) {
            given().auth().oauth2(tokenA).get("/api/liaison/partner/releases/" + hidden).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(tokenA).post("/api/liaison/partner/releases/" + hidden + "/acknowledge").then()
                    .statusCode(404);
        }

        // TAXII: the partner's own collection has the report, the other partner's collection does not exist for it
        String collections = "/taxii2/liaison/collections/";
        String ownCollection = given().auth().oauth2(tokenA).accept(TAXII).get(collections).then().statusCode(200)
                .extract().path("collections.find { it.can_read }.id");
        String reportId = given().auth().oauth2(tokenA).get("/api/liaison/partner/releases/" + toA).then()
                .extract().path("stixReportId");
        given().auth().oauth2(tokenA).accept(TAXII).get(collections + ownCollection + "/objects/" + reportId + "/")
                .then().statusCode(200).body("objects[0].id", equalTo(reportId));
        String otherCollection = given().auth().oauth2(Fixtures.partnerToken(b)).accept(TAXII).get(collections)
                .then().statusCode(200).extract().path("collections.find { it.can_read }.id");
        given().auth().oauth2(tokenA).accept(TAXII).get(collections + otherCollection + "/").then().statusCode(404);
        given().auth().oauth2(tokenA).accept(TAXII).get(collections + otherCollection + "/objects/").then()
                .statusCode(404);
        String reportOfB = given().auth().oauth2(Fixtures.partnerToken(b)).get("/api/liaison/partner/releases/"
                + toB).then().extract().path("stixReportId");
        given().auth().oauth2(tokenA).accept(TAXII).get(collections + ownCollection + "/objects/" + reportOfB + "/")
                .then().statusCode(404);
    }

    @Test
    void acknowledgementAndFeedbackMoveTheReleaseOn() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "AMBER", a);
        String token = Fixtures.partnerToken(a);
        given().auth().oauth2(token).post("/api/liaison/partner/releases/" + id + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedAt", notNullValue());
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/releases/" + id).then()
                .body("status", equalTo("ACKNOWLEDGED")).body("recipients[0].acknowledgedAt", notNullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"outcome\":\"ARRESTS\",\"comment\":\"Tres detenidos en Algeciras gracias a la alerta.\"}")
                .post("/api/liaison/partner/releases/" + id + "/feedback").then().statusCode(201)
                .body("outcome", equalTo("ARRESTS"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"MAYBE\"}")
                .post("/api/liaison/partner/releases/" + id + "/feedback").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/releases/" + id).then()
                .body("status", equalTo("FEEDBACK_RECEIVED"));
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/releases/" + id + "/feedback").then()
                .statusCode(200).body("outcome", hasItem("ARRESTS"));
    }

    @Test
    void onlyRegisteredClientsOfTheClaimedPartnerGetIn() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        // a partner claim alone, from a client not registered for that partner
        given().auth().oauth2(Fixtures.partnerToken(a, "someone-else")).get("/api/liaison/partner/releases")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.partnerToken("no-such-partner")).get("/api/liaison/partner/releases")
                .then().statusCode(403);
        // internal roles do not use the partner API, and partners do not use the internal one
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/partner/releases").then().statusCode(403);
        given().auth().oauth2(Fixtures.partnerToken(a)).get("/api/liaison/releases").then().statusCode(403);
        given().auth().oauth2(Fixtures.partnerToken(a)).get("/api/liaison/partners").then().statusCode(403);
        given().get("/api/liaison/partner/releases").then().statusCode(401);
    }

    @Test
    void everyPartnerRequestIsAudited() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(a);
        given().auth().oauth2(token).get("/api/liaison/partner/releases").then().statusCode(200);
        given().auth().oauth2(token).get("/api/liaison/partner/releases/" + UUID.randomUUID()).then()
                .statusCode(404);
        given().auth().oauth2(token).accept(TAXII).get("/taxii2/").then().statusCode(200);
        given().auth().oauth2(Fixtures.auditor()).queryParam("actor", a + "-client")
                .queryParam("objectType", "partner-request").get("/api/liaison/audit").then().statusCode(200)
                .body("items.size()", greaterThan(2))
                .body("items.detail", hasItem(org.hamcrest.Matchers.startsWith("GET /api/liaison/partner/releases/")))
                .body("items.detail", hasItem("GET /taxii2/ -> 200"))
                .body("items.partner", hasItem(a));
    }

    @Test
    void partnerContactsAndClientsAreKeptAndAClientActsForOnePartner() {
        String code = Fixtures.newCode("ct");
        String id = Fixtures.registerPartner(code);
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/partners/" + id).then().statusCode(200)
                .body("contacts.name", hasItem("يوسف العلمي")).body("clientIds", hasItem(code + "-client"));
        String stealing = """
                {"code":"%s","country":"BE","serviceName":"VSSE","status":"ACTIVE","classification":"RESTRICTED",
                 "clientIds":["%s-client"]}""".formatted(Fixtures.newCode("other"), code);
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(stealing)
                .post("/api/liaison/partners").then().statusCode(409).contentType("application/problem+json");
        String badContact = """
                {"code":"%s","country":"BE","serviceName":"VSSE","status":"ACTIVE","classification":"RESTRICTED",
                 "contacts":[{"name":"","email":"not-an-email"}]}""".formatted(Fixtures.newCode("bad"));
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(badContact)
                .post("/api/liaison/partners").then().statusCode(400)
                .body("errors.field", hasItem(allOf(containsString("contacts"), containsString("name"))))
                .body("errors.field", hasItem(allOf(containsString("contacts"), containsString("email"))));
    }

    @Test
    void agreementsAreListedUpdatedAndHiddenWithTheirPartner() {
        String code = Fixtures.newCode("ag");
        String id = Fixtures.registerPartner(code);
        String agreement = Fixtures.agreement(id, "CONFIDENTIAL", "ACTIVE", Fixtures.today().minusDays(1), null,
                "TERRORISM", "VIOLENT_EXTREMISM");
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/partners/" + id + "/agreements").then()
                .statusCode(200).body("[0].activeToday", equalTo(true)).body("[0].ceiling", equalTo("CONFIDENTIAL"));
        String etag = given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/partners/" + id + "/agreements/"
                + agreement).then().statusCode(200).extract().header("ETag");
        String body = """
                {"reference":"MoU-2026-7","ceiling":"SECRET","categories":["TERRORISM"],"validFrom":"%s",
                 "validTo":"%s","status":"TERMINATED"}""".formatted(Fixtures.today().minusDays(1), Fixtures.today());
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/liaison/partners/" + id + "/agreements/" + agreement).then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("activeToday", equalTo(false));
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/liaison/partners/" + id + "/agreements/" + agreement).then().statusCode(409);
        String backwards = """
                {"reference":"x","ceiling":"SECRET","categories":["TERRORISM"],"validFrom":"2026-05-01",
                 "validTo":"2026-04-01","status":"ACTIVE"}""";
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(backwards)
                .post("/api/liaison/partners/" + id + "/agreements").then().statusCode(400);
        // hidden with the partner: a DGED officer cannot see DGST's partnership or its agreements
        given().auth().oauth2(Fixtures.liaisonOfficer("TOP_SECRET", "DGED")).get("/api/liaison/partners/" + id
                + "/agreements").then().statusCode(404);
    }
}
