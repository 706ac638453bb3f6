package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every release check refuses with a problem naming the rule and the partner; four-eyes; immutability. */
@QuarkusTest
class ReleaseChecksTest {

    private static final String OFFICER = Fixtures.OFFICER;

    private ValidatableResponse attempt(UUID product, String... partners) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, "AMBER", partners)).post("/api/liaison/releases").then();
    }

    private static void refused(ValidatableResponse response, String rule, String partner) {
        response.statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:liaison:release-check:" + rule))
                .body("title", containsString("Release refused"))
                .body("detail", containsString(partner))
                .body("errors.field", hasItem("partners"));
    }

    @Test
    void refusedWithoutAnyAgreement() {
        String code = Fixtures.newCode("none");
        Fixtures.registerPartner(code);
        refused(attempt(IntelligenceStub.product("RESTRICTED", "TERRORISM"), code), "agreement-active", code);
    }

    @Test
    void refusedWhenTheAgreementExpiredOrIsSuspended() {
        String expired = Fixtures.newCode("expired");
        String id = Fixtures.registerPartner(expired);
        Fixtures.agreement(id, "SECRET", "ACTIVE", Fixtures.today().minusYears(2), Fixtures.today().minusDays(1),
                "TERRORISM");
        refused(attempt(IntelligenceStub.product("RESTRICTED", "TERRORISM"), expired), "agreement-active", expired);

        String suspended = Fixtures.newCode("suspended");
        String id2 = Fixtures.registerPartner(suspended);
        Fixtures.agreement(id2, "SECRET", "SUSPENDED", Fixtures.today().minusDays(10), null, "TERRORISM");
        refused(attempt(IntelligenceStub.product("RESTRICTED", "TERRORISM"), suspended), "agreement-active",
                suspended);
    }

    @Test
    void refusedAboveTheCeiling() {
        String code = Fixtures.partnerWithAgreement("CONFIDENTIAL", "TERRORISM");
        refused(attempt(IntelligenceStub.product("SECRET", "TERRORISM"), code), "classification-ceiling", code);
        attempt(IntelligenceStub.product("CONFIDENTIAL", "TERRORISM"), code).statusCode(201);
    }

    @Test
    void refusedOutsideTheAllowedCategories() {
        String code = Fixtures.partnerWithAgreement("SECRET", "TERRORISM", "VIOLENT_EXTREMISM");
        refused(attempt(IntelligenceStub.product("RESTRICTED", "HUMAN_TRAFFICKING"), code), "category-allowed", code);
    }

    @Test
    void theFailingPartnerIsNamedAmongSeveral() {
        String good = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String bad = Fixtures.partnerWithAgreement("RESTRICTED", "TERRORISM");
        refused(attempt(IntelligenceStub.product("CONFIDENTIAL", "TERRORISM"), good, bad), "classification-ceiling",
                bad);
    }

    @Test
    void thirdPartyRuleNeedsTheOriginatorsRecordedConsent() {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.product("RESTRICTED", "TERRORISM", originator);

        refused(attempt(product, recipient), "tlp-amber", recipient);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(Fixtures.releaseBody(product, "AMBER",
                recipient)).post("/api/liaison/releases").then().body("detail", containsString(originator));
        // the originator itself may receive material derived from its own reports
        attempt(product, originator).statusCode(201);
        // consent for another product does not count
        consent(originator, recipient, UUID.randomUUID());
        refused(attempt(product, recipient), "tlp-amber", recipient);

        consent(originator, recipient, product);
        String id = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, "AMBER", recipient)).post("/api/liaison/releases")
                .then().statusCode(201).body("originatorPartners", hasItem(originator)).extract().path("id");
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
        given().auth().oauth2(OFFICER).queryParam("originator", originator).get("/api/liaison/consents")
                .then().statusCode(200).body("productId", hasItem(product.toString()));
    }

    private static void consent(String originator, String recipient, UUID product) {
        Fixtures.approvedConsent(originator, recipient, product);
    }

    @Test
    void aProductTheCallerCannotSeeIsRefused() {
        String code = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String confidentialOfficer = Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST");
        given().auth().oauth2(confidentialOfficer).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(IntelligenceStub.product("SECRET", "TERRORISM"), "RED", code))
                .post("/api/liaison/releases").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("productId"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(UUID.randomUUID(), "RED", code))
                .post("/api/liaison/releases").then().statusCode(422);
    }

    @Test
    void invalidTlpAndMissingFieldsAreListed() {
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"partners\":[],\"tlp\":\"AMBER\"}")
                .post("/api/liaison/releases").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("productId")).body("errors.field", hasItem("partners"));
        String code = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "PURPLE", code))
                .post("/api/liaison/releases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void secretNeedsASecondPersonWithTheSupervisorRole() {
        String code = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String creator = Fixtures.person("officer-and-supervisor", "liaison-officer", "supervisor");
        String id = given().auth().oauth2(creator).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(IntelligenceStub.product("SECRET", "TERRORISM"), "AMBER+STRICT", code))
                .post("/api/liaison/releases").then().statusCode(201).body("tlp", equalTo("AMBER+STRICT"))
                .extract().path("id");
        given().auth().oauth2(creator).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL")).body("releasedAt", nullValue());
        // the creator holds the supervisor role but cannot approve their own release
        given().auth().oauth2(creator).post("/api/liaison/releases/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:four-eyes")).body("title", equalTo("Four-eyes rule"));
        given().auth().oauth2(creator).contentType(ContentType.JSON).body("{\"reason\":\"mon propre brouillon\"}")
                .post("/api/liaison/releases/" + id + "/reject").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:four-eyes"));
        // a second person without the supervisor role cannot either
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/approve").then().statusCode(403);
        // the partner sees nothing yet
        given().auth().oauth2(Fixtures.partnerToken(code)).get("/api/liaison/partner/releases/" + id)
                .then().statusCode(404);

        given().auth().oauth2(Fixtures.supervisor("supervisor-2")).post("/api/liaison/releases/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("approvedBy", equalTo("supervisor-2")).body("recipients[0].partner", equalTo(code));
        given().auth().oauth2(Fixtures.partnerToken(code)).get("/api/liaison/partner/releases/" + id)
                .then().statusCode(200).body("tlp", equalTo("AMBER+STRICT"));
    }

    @Test
    void belowSecretIsReleasedOnSubmitAndRejectionReturnsToDraft() {
        String code = Fixtures.partnerWithAgreement("TOP_SECRET", "ORGANISED_CRIME");
        String id = Fixtures.draft(IntelligenceStub.product("TOP_SECRET", "ORGANISED_CRIME"), "RED", code);
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(Fixtures.supervisor("supervisor-3")).contentType(ContentType.JSON)
                .body("{\"reason\":\"Tear-line too detailed\"}").post("/api/liaison/releases/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("rejectionReason", equalTo("Tear-line too detailed"));
    }

    @Test
    void aReleasedItemNeverChangesAndCorrectionsAreNewVersions() throws SQLException {
        String code = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.product("RESTRICTED", "TERRORISM");
        String id = Fixtures.released(product, "GREEN", code);
        String etag = given().auth().oauth2(OFFICER).get("/api/liaison/releases/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.releaseBody(product, "RED", code)).put("/api/liaison/releases/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("immutable"));
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/submit").then().statusCode(409);

        // not even the database owner's app role can rewrite it
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class)); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update release set title = 'x' where id = '" + id + "'"));
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
            // nor where it came from: the lineage the checks read
            SQLException lineage = assertThrows(SQLException.class,
                    () -> s.executeUpdate("update release set lineage = '{be-vsse:AMBER}' where id = '" + id + "'"));
            assertTrue(lineage.getMessage().contains("immutable"), lineage.getMessage());
        }

        IntelligenceStub.changeProduct(product, "تقييم مصحح: خلية تجنيد");
        String v2 = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Corrected locality\"}").post("/api/liaison/releases/" + id + "/corrections")
                .then().statusCode(201).body("versionNo", equalTo(2)).body("supersedesId", equalTo(id))
                .body("rootId", equalTo(id)).body("status", equalTo("DRAFT"))
                .body("title", equalTo("تقييم مصحح: خلية تجنيد")).extract().path("id");
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + v2 + "/submit").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
        given().auth().oauth2(OFFICER).get("/api/liaison/releases/" + id).then().statusCode(200)
                .body("title", equalTo("تقييم: خلية تجنيد عبر الإنترنت في الشمال")).body("versionNo", equalTo(1));
        // only the latest version can be corrected again
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/api/liaison/releases/" + id + "/corrections").then().statusCode(409);
    }

    @Test
    void releasesAreHiddenFromCallersWhoCannotSeeTheProduct() {
        String code = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String id = Fixtures.draft(IntelligenceStub.product("SECRET", "TERRORISM"), "RED", code);
        String low = Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST");
        String otherAgency = Fixtures.liaisonOfficer("TOP_SECRET", "DGED");
        for (String token : new String[] { low, otherAgency }) {
            given().auth().oauth2(token).get("/api/liaison/releases/" + id).then().statusCode(404);
            given().auth().oauth2(token).queryParam("limit", 500).get("/api/liaison/releases").then()
                    .statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        }
        given().auth().oauth2(OFFICER).queryParam("partner", code).get("/api/liaison/releases").then()
                .statusCode(200).body("items.id", hasItem(id));
    }
}
