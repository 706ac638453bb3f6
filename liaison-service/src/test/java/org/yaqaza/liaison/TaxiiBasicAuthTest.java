package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * TAXII over HTTP Basic: the client id and secret are exchanged at the token service (the gateway, stood in for by
 * {@link IntelligenceStub}'s token endpoint) and the token then counts exactly like a bearer token.
 */
@QuarkusTest
class TaxiiBasicAuthTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String ROOT = "/taxii2/liaison/";

    /** A secret with a colon, plus and percent signs and non-ASCII: sent to the token service byte for byte. */
    private static final String SECRET = "s3:cr+et%2Fسر";

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String collectionOf(String authorization) {
        return given().header("Authorization", authorization).accept(TAXII).get(ROOT + "collections/").then()
                .statusCode(200).extract().path("collections.find { it.can_read }.id");
    }

    /** A partner with a release, whose registered client also has a secret at the token service. */
    private static String[] partnerWithRelease() {
        String code = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        IntelligenceStub.partnerClient(code + "-client", SECRET, code);
        String release = StixValidationTest.releaseWithStixContent(code,
                IntelligenceStub.product("RESTRICTED", "TERRORISM"), "AMBER");
        return new String[] { code, release };
    }

    @Test
    void theRightSecretReadsTheOwnCollectionAndTheExchangeIsReused() {
        String[] a = partnerWithRelease();
        String auth = basic(a[0] + "-client", SECRET);
        String collection = collectionOf(auth);
        given().header("Authorization", auth).accept(TAXII).get(ROOT + "collections/" + collection + "/objects/")
                .then().statusCode(200).body("objects.id", hasItem("report--" + a[1]))
                .body("objects.find { it.type == 'report' }.name", equalTo("تقييم: خلية تجنيد عبر الإنترنت في الشمال"));
        given().header("Authorization", auth).accept(TAXII)
                .get(ROOT + "collections/" + collection + "/objects/report--" + a[1] + "/").then().statusCode(200);
        // three requests, one exchange: the token is reused (keyed by a hash of the credentials)
        assertEquals(1, IntelligenceStub.tokenRequests(a[0] + "-client"));
        // the partner request is audited under the client, like a bearer request
        given().auth().oauth2(Fixtures.auditor()).queryParam("actor", a[0] + "-client")
                .queryParam("objectType", "partner-request").get("/api/liaison/audit").then().statusCode(200)
                .body("items.detail", hasItem("GET /taxii2/liaison/collections/" + collection + "/objects/ -> 200"));
    }

    @Test
    void aWrongSecretAnUnknownClientOrAMalformedHeaderIs401WithTheBasicChallenge() {
        String[] a = partnerWithRelease();
        String objects = ROOT + "collections/" + collectionOf(basic(a[0] + "-client", SECRET)) + "/objects/";
        for (String auth : List.of(basic(a[0] + "-client", "guess"), basic("nobody-" + UUID.randomUUID(), SECRET),
                "Basic not-base64!", "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()))) {
            Response r = given().header("Authorization", auth).accept(TAXII).get(objects);
            r.then().statusCode(401).contentType("application/problem+json")
                    .body("detail", equalTo("The client id or secret is not valid."))
                    .body("detail", not(org.hamcrest.Matchers.containsString("guess")));
            assertTrue(r.headers().getValues("WWW-Authenticate").contains("Basic realm=\"taxii\", charset=\"UTF-8\""),
                    () -> "Basic challenge in " + r.headers().getValues("WWW-Authenticate"));
        }
        // the same wrong secret again is refused without asking the token service a second time
        int before = IntelligenceStub.tokenRequests(a[0] + "-client");
        given().header("Authorization", basic(a[0] + "-client", "guess")).accept(TAXII).get(objects).then()
                .statusCode(401);
        assertEquals(before, IntelligenceStub.tokenRequests(a[0] + "-client"));
        // no credentials at all: both ways in are named
        List<String> challenges = given().accept(TAXII).get(objects).then().statusCode(401).extract().headers()
                .getValues("WWW-Authenticate");
        assertTrue(challenges.contains("Bearer") && challenges.stream().anyMatch(c -> c.startsWith("Basic")),
                () -> "challenges " + challenges);
    }

    @Test
    void aBasicPartnerSeesOnlyItsOwnCollection() {
        String[] a = partnerWithRelease();
        String[] b = partnerWithRelease();
        String authA = basic(a[0] + "-client", SECRET);
        String collectionA = collectionOf(authA);
        String collectionB = collectionOf(basic(b[0] + "-client", SECRET));
        given().header("Authorization", authA).accept(TAXII).get(ROOT + "collections/" + collectionB + "/objects/")
                .then().statusCode(404);
        given().header("Authorization", authA).accept(TAXII).get(ROOT + "collections/" + collectionB + "/manifest/")
                .then().statusCode(404);
        // B's report does not exist in A's collection
        given().header("Authorization", authA).accept(TAXII)
                .get(ROOT + "collections/" + collectionA + "/objects/report--" + b[1] + "/").then().statusCode(404);
        List<String> ids = given().header("Authorization", authA).accept(TAXII).queryParam("limit", 1000)
                .get(ROOT + "collections/" + collectionA + "/objects/").then().statusCode(200).extract()
                .path("objects.id");
        assertTrue(ids.contains("report--" + a[1]) && !ids.contains("report--" + b[1]), () -> "A sees " + ids);
    }

    @Test
    void aClientNotRegisteredForThePartnerIsRefusedAndBasicIsOnlyForTaxii() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        // the token service knows the client, but the partner record does not list it
        IntelligenceStub.partnerClient(a + "-rogue", SECRET, a);
        String rogue = basic(a + "-rogue", SECRET);
        given().header("Authorization", rogue).accept(TAXII).get(ROOT).then().statusCode(403);
        given().header("Authorization", rogue).accept(TAXII)
                .get(ROOT + "collections/" + UUID.nameUUIDFromBytes(("yaqaza:taxii:releases:" + a)
                        .getBytes(StandardCharsets.UTF_8)) + "/objects/").then().statusCode(403);
        // the REST partner API takes bearer tokens only: Basic is not even exchanged there
        IntelligenceStub.partnerClient(a + "-client", SECRET, a);
        given().header("Authorization", basic(a + "-client", SECRET)).get("/api/liaison/partner/releases").then()
                .statusCode(401);
        assertEquals(0, IntelligenceStub.tokenRequests(a + "-client"));
    }

    @Test
    void anUnreachableTokenServiceIs503WithRetryAfter() throws Exception {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        IntelligenceStub.partnerClient(a + "-client", SECRET, a);
        IntelligenceStub.stop();
        try {
            given().header("Authorization", basic(a + "-client", SECRET)).accept(TAXII).get(ROOT).then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        } finally {
            IntelligenceStub.restart();
        }
        // nothing was cached from the failure: once the token service is back, the same secret works
        given().header("Authorization", basic(a + "-client", SECRET)).accept(TAXII).get(ROOT).then()
                .statusCode(200);
    }
}
