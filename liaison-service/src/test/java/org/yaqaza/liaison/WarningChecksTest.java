package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Threat warnings go through the release checks (issue 15): agreement, ceiling, category, and for a cited product the
 * third-party rule and TLP 2.0 over its lineage, with the same problem types as releases; at SECRET and above a
 * second supervisor approves before the partner sees the warning, and the deadline counts from that approval.
 */
@QuarkusTest
class WarningChecksTest {

    private static String body(String partner, String tlp, String category, String classification, UUID product) {
        return """
                {"partner":"%s","precedence":"IMMEDIATE","tlp":"%s","category":"%s","classification":"%s",%s
                 "title":"تحذير: عبور محتمل لعنصر من خلية المضيق",
                 "body":"يرجح عبوره من طنجة المتوسط نحو الجزيرة الخضراء."}"""
                .formatted(partner, tlp, category, classification,
                        product == null ? "" : "\"productId\":\"" + product + "\",");
    }

    private static ValidatableResponse issue(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/liaison/warnings")
                .then();
    }

    /** A RESTRICTED warning (issued at once when the checks pass) citing {@code product}. */
    static ValidatableResponse citing(UUID product, String tlp, String partner) {
        return issue(Fixtures.OFFICER, body(partner, tlp, "TERRORISM", "RESTRICTED", product));
    }

    private static ValidatableResponse partnerSees(String partner) {
        return given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/warnings").then()
                .statusCode(200);
    }

    @Test
    void aWarningCitingRedMaterialNeverGoesToASecondPartner() {
        TlpCase c = TlpCase.of("RED");
        TlpCase.refused(citing(c.product(), "RED", c.recipient()), "tlp-red", c.recipient());
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        TlpCase.refused(citing(c.product(), "RED", c.recipient()), "tlp-red", c.recipient());
        partnerSees(c.recipient()).body("size()", equalTo(0));
        // back to its originator it is not a re-release
        citing(c.product(), "RED", c.originator()).statusCode(201).body("status", equalTo("ISSUED"))
                .body("lineage.tlp", hasItem("RED"));
    }

    @Test
    void aWarningCitingAmberStrictMaterialStaysInTheOrganisation() {
        TlpCase c = TlpCase.of("AMBER+STRICT");
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        TlpCase.refused(citing(c.product(), "AMBER+STRICT", c.recipient()), "tlp-amber-strict", c.recipient());
        TlpCase.refused(citing(c.product(), "RED", c.recipient()), "tlp-amber-strict", c.recipient());
        citing(c.product(), "AMBER+STRICT", c.originator()).statusCode(201);
    }

    @Test
    void aWarningCitingAmberMaterialNeedsTheOriginatorsApprovedConsent() {
        TlpCase c = TlpCase.of("AMBER");
        TlpCase.refused(citing(c.product(), "AMBER", c.recipient()), "tlp-amber", c.recipient());
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        String id = citing(c.product(), "AMBER", c.recipient()).statusCode(201).body("status", equalTo("ISSUED"))
                .body("productId", equalTo(c.product().toString())).body("lineage.partner", hasItem(c.originator()))
                .extract().path("id");
        partnerSees(c.recipient()).body("id", hasItem(id));
    }

    @Test
    void greenAndClearFollowTheThirdPartyRule() {
        for (String tlp : new String[] { "GREEN", "CLEAR" }) {
            TlpCase c = TlpCase.of(tlp);
            TlpCase.refused(citing(c.product(), tlp, c.recipient()), "third-party", c.recipient());
            Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
            citing(c.product(), tlp, c.recipient()).statusCode(201);
        }
    }

    @Test
    void theWarningsTlpIsNeverWeakerThanTheStrictestInTheLineage() {
        TlpCase c = TlpCase.of("AMBER");
        TlpCase.refused(citing(c.product(), "GREEN", c.originator()), "tlp-weaker", c.originator());
        TlpCase.refused(citing(c.product(), "CLEAR", c.originator()), "tlp-weaker", c.originator());
        citing(c.product(), "AMBER", c.originator()).statusCode(201);
    }

    @Test
    void agreementCeilingAndCategoryAreCheckedLikeForAReleaseAndNothingIsStored() {
        String partner = Fixtures.partnerWithAgreement("CONFIDENTIAL", "TERRORISM");
        TlpCase.refused(issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "SECRET", null)),
                "classification-ceiling", partner);
        TlpCase.refused(issue(Fixtures.OFFICER, body(partner, "AMBER", "ORGANISED_CRIME", "RESTRICTED", null)),
                "category-allowed", partner);
        String noAgreement = Fixtures.newCode("pt");
        Fixtures.registerPartner(noAgreement);
        TlpCase.refused(issue(Fixtures.OFFICER, body(noAgreement, "AMBER", "TERRORISM", "RESTRICTED", null)),
                "agreement-active", noAgreement);
        partnerSees(partner).body("size()", equalTo(0));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("limit", 200).get("/api/liaison/warnings").then()
                .statusCode(200).body("items.partner", not(hasItem(partner)))
                .body("items.partner", not(hasItem(noAgreement)));
        // the category is required, as the agreement vocabulary names it
        issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "RESTRICTED", null).replace(
                "\"category\":\"TERRORISM\",", "")).statusCode(400);
        issue(Fixtures.OFFICER, body(partner, "AMBER", "ESPIONAGE", "RESTRICTED", null)).statusCode(400);
        issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "RESTRICTED", null)).statusCode(201)
                .body("category", equalTo("TERRORISM"));
    }

    @Test
    void aWarningIsNeverMarkedBelowTheProductItCites() {
        String partner = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        UUID product = IntelligenceStub.product("SECRET", "TERRORISM");
        issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "CONFIDENTIAL", product)).statusCode(422)
                .body("title", equalTo("Warning marked below its product"));
    }

    /** SECRET and above: pending until a supervisor other than the author approves; only then the partner sees it. */
    @Test
    void aSecretWarningWaitsForASecondSupervisorAndItsDeadlineStartsAtApproval() throws InterruptedException {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String author = Fixtures.person("duty-officer-" + UUID.randomUUID(), "liaison-officer", "supervisor");
        String id = issue(author, body(partner, "RED", "TERRORISM", "SECRET", null)).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("issuedAt", nullValue())
                .body("deadlineAt", nullValue()).extract().path("id");
        partnerSees(partner).body("size()", equalTo(0));
        given().auth().oauth2(Fixtures.partnerToken(partner)).post("/api/liaison/partner/warnings/" + id
                + "/acknowledge").then().statusCode(404);

        given().auth().oauth2(author).post("/api/liaison/warnings/" + id + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:four-eyes"));
        given().auth().oauth2(Fixtures.OFFICER).post("/api/liaison/warnings/" + id + "/approve").then()
                .statusCode(403);
        Thread.sleep(1_100);
        Instant before = Instant.now();
        var approved = given().auth().oauth2(Fixtures.supervisor("second-supervisor"))
                .post("/api/liaison/warnings/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("approvedBy", equalTo("second-supervisor")).extract();
        Instant issued = Instant.parse(approved.path("issuedAt"));
        assertTrue(!issued.isBefore(before.minusMillis(500)), "the deadline counts from the approval");
        assertEquals(Duration.ofHours(1), Duration.between(issued, Instant.parse(approved.path("deadlineAt"))));
        partnerSees(partner).body("id", hasItem(id));
        given().auth().oauth2(Fixtures.supervisor("second-supervisor")).post("/api/liaison/warnings/" + id
                + "/approve").then().statusCode(409);
        var audit = Fixtures.audit(id);
        assertTrue(audit.getList("items.action").containsAll(java.util.List.of("SUBMIT", "APPROVE")),
                audit.prettify());
    }

    @Test
    void aRejectedWarningNeverReachesThePartner() {
        String partner = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String id = issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "TOP_SECRET", null)).statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        given().auth().oauth2(Fixtures.supervisor("second-supervisor")).contentType(ContentType.JSON)
                .body("{\"reason\":\"المصدر غير مؤكد بعد\"}").post("/api/liaison/warnings/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("المصدر غير مؤكد بعد")).body("deadlineAt", nullValue());
        given().auth().oauth2(Fixtures.supervisor("second-supervisor")).post("/api/liaison/warnings/" + id
                + "/approve").then().statusCode(409);
        partnerSees(partner).body("size()", equalTo(0));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("status", "REJECTED").queryParam("limit", 200)
                .get("/api/liaison/warnings").then().statusCode(200).body("items.id", hasItem(id));
    }

    /** Below SECRET nothing waits: issued at once with its deadline, as before. */
    @Test
    void belowSecretAWarningIsIssuedAtOnce() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = issue(Fixtures.OFFICER, body(partner, "AMBER", "TERRORISM", "CONFIDENTIAL", null))
                .statusCode(201).body("status", equalTo("ISSUED")).body("deadlineAt", notNullValue())
                .extract().path("id");
        partnerSees(partner).body("id", hasItem(id));
    }
}
