package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * TAXII clients may sign in with HTTP Basic; the gateway exchanges it (the suite's only Basic exchange), and no
 * service ever sees a secret. The refusal cases and the unreachable check were liaison-service's
 * {@code TaxiiBasicAuthTest} before the exchange moved here.
 */
@QuarkusTest
class TaxiiBasicTest {

    private static final String SECRET = "taxii-basic-secret-for-tests-only-2026";
    private static final String CHALLENGE = "Basic realm=\"taxii\", charset=\"UTF-8\"";

    private static String forwardedAuthorization(String path) {
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(path);
        return seen == null ? null : seen.header("Authorization");
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String taxiiPath(String prefix) {
        return "/taxii2/" + Fixtures.unique(prefix) + "/collections/";
    }

    /** Sends Basic credentials on a fresh TAXII path; returns the bearer the service received, or null. */
    private static String exchangedToken(String authorization, int expectedStatus) {
        String path = taxiiPath("exchange");
        given().header("Authorization", authorization).get(path).then().statusCode(expectedStatus);
        String forwarded = forwardedAuthorization(path);
        return forwarded == null ? null : forwarded.substring("Bearer ".length());
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void basicCredentialsReachTheServiceAsTheClientsBearerToken() {
        String clientId = Fixtures.client("taxii-basic", SECRET, "ES-CNI");
        String first = taxiiPath("basic");
        given().auth().preemptive().basic(clientId, SECRET).get(first).then().statusCode(200);
        String forwarded = forwardedAuthorization(first);
        assertTrue(forwarded.startsWith("Bearer "), forwarded);
        String payload = payload(forwarded.substring(7));
        assertTrue(payload.contains("\"sub\":\"" + clientId + "\""), payload);
        assertTrue(payload.contains("\"partner\":\"ES-CNI\""), payload);
        // the token is the gateway's own: accepted at the edge like any bearer token
        given().auth().oauth2(forwarded.substring(7)).get("/api/liaison/" + Fixtures.unique("p")).then()
                .statusCode(200);

        // the next request reuses the exchange instead of checking the secret again
        String second = taxiiPath("basic");
        given().auth().preemptive().basic(clientId, SECRET).get(second).then().statusCode(200);
        assertEquals(forwarded, forwardedAuthorization(second));
    }

    @Test
    void aSecretWithAColonPlusPercentAndArabicIsTakenByteForByte() {
        String secret = "s3:cr+et%2Fسر-" + SECRET;
        String clientId = Fixtures.client("taxii-utf8", secret, "ES-CNI");
        String token = exchangedToken(basic(clientId, secret), 200);
        assertTrue(payload(token).contains("\"sub\":\"" + clientId + "\""));
        // the same characters form-encoded are another secret: refused
        assertNull(exchangedToken(basic(clientId, "s3%3Acr%2Bet%252F" + SECRET), 401));
    }

    @Test
    void everyBadCredentialGetsTheSame401WithTheBasicChallengeAndNothingIsForwarded() {
        String clientId = Fixtures.client("taxii-wrong", SECRET, "ES-CNI");
        for (String authorization : List.of(basic(clientId, SECRET + "x"), basic(Fixtures.unique("nobody"), SECRET),
                basic(clientId, ""), "Basic %%%not-base64",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString((":" + SECRET).getBytes(StandardCharsets.UTF_8)),
                "Basic ")) {
            String path = "/taxii2/" + Fixtures.unique("wrong") + "/";
            Response r = given().header("Authorization", authorization).get(path);
            r.then().statusCode(401).contentType("application/problem+json")
                    .body("status", equalTo(401))
                    .body("detail", equalTo("The client id or secret is not valid."))
                    .body("detail", not(containsString(SECRET)))
                    .body("requestId", org.hamcrest.Matchers.notNullValue());
            assertEquals(CHALLENGE, r.header("WWW-Authenticate"), authorization);
            assertNull(GatewayTestResource.upstream().seen(path), "a refused request never reaches a service");
        }
    }

    @Test
    void withoutCredentialsTaxiiNamesBothWaysInAndTheRestOnlyBearer() {
        String taxii = given().get("/taxii2/" + Fixtures.unique("none") + "/").then().statusCode(401)
                .contentType("application/problem+json").extract().header("WWW-Authenticate");
        assertTrue(taxii.startsWith("Bearer") && taxii.contains(CHALLENGE), taxii);
        given().get("/api/liaison/" + Fixtures.unique("none")).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void basicIsAcceptedOnTaxiiOnly() {
        String clientId = Fixtures.client("taxii-only", SECRET, "ES-CNI");
        String path = "/api/liaison/" + Fixtures.unique("basic");
        given().auth().preemptive().basic(clientId, SECRET).get(path).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        assertNull(GatewayTestResource.upstream().seen(path));
    }

    @Test
    void aDisabledClientsNextBasicRequestIsRefusedAlthoughItsExchangeWasCached() {
        String clientId = Fixtures.client("taxii-disabled", SECRET, "ES-CNI");
        String auth = basic(clientId, SECRET);
        String token = exchangedToken(auth, 200);
        assertEquals(token, exchangedToken(auth, 200), "cached");
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/clients/" + clientId + "/disable").then()
                .statusCode(200);
        assertNull(exchangedToken(auth, 401));
    }

    @Test
    void aRotatedSecretIsRefusedAtOnceAndTheNewOneWorks() {
        String clientId = Fixtures.client("taxii-rotated", SECRET, "ES-CNI");
        String old = basic(clientId, SECRET);
        String before = exchangedToken(old, 200);
        String rotated = SECRET + "-rotated";
        // the client holds a compartment: its new secret waits for the second administrator (four-eyes)
        Fixtures.settled(given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"secret\":\"" + rotated + "\"}")
                .post("/api/admin/clients/" + clientId + "/secret")).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        assertNull(exchangedToken(old, 401));
        String after = exchangedToken(basic(clientId, rotated), 200);
        assertNotEquals(before, after);
    }

    @Test
    void anUpdatedClientGetsATokenWithItsNewClaimsOnItsNextRequest() {
        String clientId = Fixtures.client("taxii-updated", SECRET, "ES-CNI");
        String auth = basic(clientId, SECRET);
        assertTrue(payload(exchangedToken(auth, 200)).contains("\"clearance\":\"CONFIDENTIAL\""));
        String admin = Fixtures.admin();
        String etag = given().auth().oauth2(admin).get("/api/admin/clients/" + clientId).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Partner feed","roles":["partner"],"clearance":"RESTRICTED",
                         "compartments":[],"agency":"DGST","partner":"ES-CNI","enabled":true}""")
                .put("/api/admin/clients/" + clientId).then().statusCode(200);
        assertTrue(payload(exchangedToken(auth, 200)).contains("\"clearance\":\"RESTRICTED\""));
    }
}
