package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * TLP 2.0 over the lineage of what is released (issue 15): per TLP of the partner material, a release to a second
 * partner is refused or allowed exactly per the rules, through REST and through the TAXII inbox path; the outgoing
 * TLP is never weaker than the material's; a correction keeps the lineage of what it corrects.
 */
@QuarkusTest
class TlpEnforcementTest {

    private static final String OFFICER = Fixtures.OFFICER;
    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String ROOT = "/taxii2/liaison/";

    private static ValidatableResponse draft(UUID product, String tlp, String partner) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, tlp, partner)).post("/api/liaison/releases").then();
    }


    @Test
    void redIsNeverReReleasedEvenWithConsent() {
        TlpCase c = TlpCase.of("RED");
        TlpCase.refused(draft(c.product(), "RED", c.recipient()), "tlp-red", c.recipient());
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        TlpCase.refused(draft(c.product(), "RED", c.recipient()), "tlp-red", c.recipient());
        // back to its own originator it is not a re-release
        draft(c.product(), "RED", c.originator()).statusCode(201);
    }

    @Test
    void amberStrictNeverLeavesTheReceivingOrganisation() {
        TlpCase c = TlpCase.of("AMBER+STRICT");
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        TlpCase.refused(draft(c.product(), "AMBER+STRICT", c.recipient()), "tlp-amber-strict", c.recipient());
        TlpCase.refused(draft(c.product(), "RED", c.recipient()), "tlp-amber-strict", c.recipient());
        draft(c.product(), "AMBER+STRICT", c.originator()).statusCode(201);
    }

    @Test
    void amberGoesOnlyWithTheOriginatorsConsent() {
        TlpCase c = TlpCase.of("AMBER");
        TlpCase.refused(draft(c.product(), "AMBER", c.recipient()), "tlp-amber", c.recipient());
        Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
        String id = draft(c.product(), "AMBER", c.recipient()).statusCode(201)
                .body("lineage.partner", hasItem(c.originator())).body("lineage.tlp", hasItem("AMBER"))
                .extract().path("id");
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
    }

    @Test
    void greenAndClearFollowTheUsualThirdPartyRule() {
        for (String tlp : new String[] { "GREEN", "CLEAR" }) {
            TlpCase c = TlpCase.of(tlp);
            TlpCase.refused(draft(c.product(), tlp, c.recipient()), "third-party", c.recipient());
            Fixtures.approvedConsent(c.originator(), c.recipient(), c.product());
            draft(c.product(), tlp, c.recipient()).statusCode(201);
        }
    }

    @Test
    void theOutgoingTlpIsNeverWeakerThanTheStrictestInTheLineage() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String b = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(a, "GREEN", b, "AMBER"));
        // even back to an originator: the material goes out under AMBER or stricter
        TlpCase.refused(draft(product, "GREEN", a), "tlp-weaker", a);
        TlpCase.refused(draft(product, "CLEAR", b), "tlp-weaker", b);
        Fixtures.approvedConsent(b, a, product);
        draft(product, "AMBER", a).statusCode(201);
        draft(product, "RED", a).statusCode(201);
    }

    @Test
    void aCorrectionKeepsTheLineageOfTheReleaseItCorrects() {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(originator, "AMBER"));
        String v1 = Fixtures.released(product, "AMBER", originator);
        // the product is re-issued without the partner's report: the correction still carries its lineage
        IntelligenceStub.dropLineage(product);
        String v2 = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Corrected locality\",\"tlp\":\"GREEN\"}")
                .post("/api/liaison/releases/" + v1 + "/corrections").then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:tlp-weaker")).extract().path("id");
        assertEquals(null, v2);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"Corrected locality\"}")
                .post("/api/liaison/releases/" + v1 + "/corrections").then().statusCode(201)
                .body("lineage.partner", hasItem(originator)).body("originatorPartners", hasItem(originator));
    }

    /**
     * The TAXII inbox path: a STIX bundle marked with a TLP 2.0 marking definition becomes a PARTNER report carrying
     * that TLP and the submission id; a product built on it is then released, and cited by a threat warning, to
     * another partner per the TLP rules.
     */
    @Test
    void theTlpOfAStixBundleFollowsTheMaterialIntoReleaseChecks() throws Exception {
        Map<String, String> markings = Map.of("RED", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
                "AMBER+STRICT", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
                "AMBER", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
                "GREEN", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                "CLEAR", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
        Map<String, String> refusal = Map.of("RED", "tlp-red", "AMBER+STRICT", "tlp-amber-strict", "AMBER",
                "tlp-amber", "GREEN", "third-party", "CLEAR", "third-party");
        for (var marking : markings.entrySet()) {
            String tlp = marking.getKey();
            String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
            String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
            String submission = inbox(originator, marking.getValue());
            String key = "liaison-submission-" + submission;
            awaitDelivered(key);
            assertEquals(tlp, IntelligenceStub.report(key).path("tlp").asText(), "structured TLP of " + tlp);
            assertEquals(submission, IntelligenceStub.report(key).path("submissionId").asText());
            UUID product = IntelligenceStub.productFromReport(key, "RESTRICTED", "TERRORISM");

            TlpCase.refused(draft(product, tlp, recipient), refusal.get(tlp), recipient);
            TlpCase.refused(WarningChecksTest.citing(product, tlp, recipient), refusal.get(tlp), recipient);
            Fixtures.approvedConsent(originator, recipient, product);
            if (tlp.equals("RED") || tlp.equals("AMBER+STRICT")) {
                TlpCase.refused(draft(product, tlp, recipient), refusal.get(tlp), recipient);
                TlpCase.refused(WarningChecksTest.citing(product, tlp, recipient), refusal.get(tlp), recipient);
            } else {
                draft(product, tlp, recipient).statusCode(201);
                WarningChecksTest.citing(product, tlp, recipient).statusCode(201);
            }
        }
    }

    @Test
    void unmarkedPartnerMaterialIsAmber() throws Exception {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String submission = given().auth().oauth2(Fixtures.partnerToken(originator)).contentType(ContentType.JSON)
                .body("""
                        {"title":"تقرير عن تحركات مشبوهة في ميناء طنجة","body":"رصد تحركات ليلية متكررة.",
                         "language":"ar"}""").post("/api/liaison/partner/intelligence").then().statusCode(202)
                .body("tlp", equalTo("AMBER")).extract().path("id");
        String key = "liaison-submission-" + submission;
        awaitDelivered(key);
        assertEquals("AMBER", IntelligenceStub.report(key).path("tlp").asText());
        assertEquals(submission, IntelligenceStub.report(key).path("submissionId").asText());
    }

    private static String inbox(String partner, String markingId) {
        String token = Fixtures.partnerToken(partner);
        String inbox = given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/").then().statusCode(200)
                .extract().path("collections.find { it.can_write }.id");
        String envelope = """
                {"objects":[
                  {"type":"report","spec_version":"2.1","id":"report--%s","created":"2026-03-01T10:00:00.000Z",
                   "modified":"2026-03-01T10:00:00.000Z","name":"Red de captación en Ceuta","lang":"es",
                   "published":"2026-03-01T10:00:00.000Z","object_refs":["indicator--%s"],
                   "object_marking_refs":["%s"]}]}""".formatted(UUID.randomUUID(), UUID.randomUUID(), markingId);
        given().auth().oauth2(token).accept(TAXII).contentType(TAXII)
                .body(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(ROOT + "collections/" + inbox + "/objects/").then().statusCode(202);
        return given().auth().oauth2(token).get("/api/liaison/partner/intelligence").then().statusCode(200)
                .extract().path("find { it.channel == 'TAXII' }.id");
    }

    private static void awaitDelivered(String key) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (IntelligenceStub.report(key) == null && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertNotNull(IntelligenceStub.report(key), "the outbox delivered " + key);
    }
}
