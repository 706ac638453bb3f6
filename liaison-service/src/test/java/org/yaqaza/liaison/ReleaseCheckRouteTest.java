package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /api/liaison/releases/check}: the very checks drafting runs, answered per partner in words, and nothing
 * is written (no release appears for the partner afterwards).
 */
@QuarkusTest
class ReleaseCheckRouteTest {

    private static ValidatableResponse check(String token, UUID product, String tlp, String... partners) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, tlp, partners)).post("/api/liaison/releases/check").then();
    }

    @Test
    void eachPartnerIsAnsweredWithTheRuleAndTheReasonAndNothingIsWritten() {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String lowCeiling = Fixtures.partnerWithAgreement("RESTRICTED", "TERRORISM");
        UUID product = IntelligenceStub.productWithLineage("CONFIDENTIAL", "TERRORISM", Map.of(originator, "GREEN"));

        check(Fixtures.OFFICER, product, "GREEN", originator, recipient, lowCeiling).statusCode(200)
                .body("productId", equalTo(product.toString()))
                .body("classification", equalTo("CONFIDENTIAL"))
                .body("lineage.partner", hasItem(originator))
                .body("passed", equalTo(false))
                .body("partners.find { it.partner == '" + originator + "' }.passed", equalTo(true))
                .body("partners.find { it.partner == '" + originator + "' }.rule", nullValue())
                .body("partners.find { it.partner == '" + recipient + "' }.rule", equalTo("third-party"))
                .body("partners.find { it.partner == '" + recipient + "' }.reason", containsString(originator))
                // the reason as a stable code with its parameters, for the console to word in each language
                .body("partners.find { it.partner == '" + recipient + "' }.reasonCode",
                        equalTo("third-party-no-consent"))
                .body("partners.find { it.partner == '" + recipient + "' }.reasonParams.partner", equalTo(recipient))
                .body("partners.find { it.partner == '" + recipient + "' }.reasonParams.originator",
                        equalTo(originator))
                .body("partners.find { it.partner == '" + originator + "' }.reasonCode", nullValue())
                .body("partners.find { it.partner == '" + lowCeiling + "' }.rule",
                        equalTo("classification-ceiling"))
                .body("partners.find { it.partner == '" + lowCeiling + "' }.reasonCode", equalTo("above-ceiling"))
                .body("partners.find { it.partner == '" + lowCeiling + "' }.reasonParams.classification",
                        equalTo("CONFIDENTIAL"))
                .body("partners.find { it.partner == '" + lowCeiling + "' }.reasonParams.ceiling",
                        equalTo("RESTRICTED"));
        // the same refusal as drafting would meet
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, "GREEN", recipient)).post("/api/liaison/releases").then()
                .statusCode(422).body("type", equalTo("urn:yaqaza:liaison:release-check:third-party"));
        // nothing was drafted by the checks
        given().auth().oauth2(Fixtures.OFFICER).queryParam("partner", lowCeiling).get("/api/liaison/releases")
                .then().statusCode(200).body("items.size()", equalTo(0));

        // with the originator's consent, every partner but the low ceiling passes; the weaker TLP is named
        Fixtures.approvedConsent(originator, recipient, product);
        check(Fixtures.OFFICER, product, "GREEN", originator, recipient).statusCode(200)
                .body("passed", equalTo(true));
        check(Fixtures.OFFICER, product, "CLEAR", recipient).statusCode(200)
                .body("partners[0].rule", equalTo("tlp-weaker"))
                .body("partners[0].reasonCode", equalTo("tlp-weaker"))
                .body("partners[0].reasonParams.strictest", equalTo("GREEN"))
                .body("partners[0].reasonParams.outgoing", equalTo("CLEAR"));
    }

    @Test
    void theBodyIsValidatedAndOnlyLiaisonOfficersMayAsk() {
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON)
                .body("{\"partners\":[],\"tlp\":\"AMBER\"}").post("/api/liaison/releases/check").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("productId"));
        // a product the caller cannot see: the same 422 as drafting
        check(Fixtures.OFFICER, UUID.randomUUID(), "AMBER", "x-none").statusCode(422);
        check(Fixtures.supervisor("checker"), UUID.randomUUID(), "AMBER", "x-none").statusCode(403);
    }
}
