package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** TAXII clients may sign in with HTTP Basic; the gateway exchanges it, and no service ever sees a secret. */
@QuarkusTest
class TaxiiBasicTest {

    private static final String SECRET = "taxii-basic-secret-for-tests-only-2026";

    private static String forwardedAuthorization(String path) {
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(path);
        return seen == null ? null : seen.header("Authorization");
    }

    @Test
    void basicCredentialsReachTheServiceAsTheClientsBearerToken() {
        String clientId = Fixtures.client("taxii-basic", SECRET, "ES-CNI");
        String first = "/taxii2/" + Fixtures.unique("basic") + "/collections/";
        given().auth().preemptive().basic(clientId, SECRET).get(first).then().statusCode(200);
        String forwarded = forwardedAuthorization(first);
        assertTrue(forwarded.startsWith("Bearer "), forwarded);
        String payload = new String(Base64.getUrlDecoder().decode(forwarded.substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"sub\":\"" + clientId + "\""), payload);
        assertTrue(payload.contains("\"partner\":\"ES-CNI\""), payload);
        // the token is the gateway's own: accepted at the edge like any bearer token
        given().auth().oauth2(forwarded.substring(7)).get("/api/liaison/" + Fixtures.unique("p")).then()
                .statusCode(200);

        // the next request reuses the exchange instead of checking the secret again
        String second = "/taxii2/" + Fixtures.unique("basic") + "/collections/";
        given().auth().preemptive().basic(clientId, SECRET).get(second).then().statusCode(200);
        assertEquals(forwarded, forwardedAuthorization(second));
    }

    @Test
    void aWrongSecretIs401WithTheBasicChallengeAndNothingIsForwarded() {
        String clientId = Fixtures.client("taxii-wrong", SECRET, "ES-CNI");
        String path = "/taxii2/" + Fixtures.unique("wrong") + "/";
        given().auth().preemptive().basic(clientId, SECRET + "x").get(path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic realm=\"taxii\""));
        given().header("Authorization", "Basic %%%not-base64").get(path).then().statusCode(401)
                .contentType("application/problem+json");
        assertNull(GatewayTestResource.upstream().seen(path), "a refused request never reaches a service");
    }

    @Test
    void basicIsAcceptedOnTaxiiOnly() {
        String clientId = Fixtures.client("taxii-only", SECRET, "ES-CNI");
        String path = "/api/liaison/" + Fixtures.unique("basic");
        given().auth().preemptive().basic(clientId, SECRET).get(path).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
        assertNull(GatewayTestResource.upstream().seen(path));
    }
}
