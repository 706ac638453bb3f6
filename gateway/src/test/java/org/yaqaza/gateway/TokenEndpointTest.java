package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TokenEndpointTest {

    private static final String SECRET = "machine-secret-0123456789";

    @Test
    void clientCredentialsWithBasicGivesAVerifiableToken() throws Exception {
        String clientId = Fixtures.client("ingest", SECRET, null);
        String token = given().auth().preemptive().basic(clientId, SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("scope", "ignored")
                .post("/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .extract().path("access_token");

        JwtContext jwt = verify(token);
        JwtClaims claims = jwt.getJwtClaims();
        assertEquals(clientId, claims.getSubject());
        assertEquals(clientId, claims.getClaimValueAsString("upn"));
        assertEquals(List.of("yaqaza"), claims.getAudience());
        assertEquals(List.of("service"), claims.getStringListClaimValue("groups"));
        assertEquals("CONFIDENTIAL", claims.getClaimValueAsString("clearance"));
        assertEquals(List.of("CT-NORTH"), claims.getStringListClaimValue("compartments"));
        assertEquals("DGST", claims.getClaimValueAsString("agency"));
        assertNull(claims.getClaimValue("partner"));
        assertNotEquals(null, claims.getJwtId());
        assertEquals(600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        String kid = jwt.getJoseObjects().get(0).getKeyIdHeaderValue();
        assertNotEquals(GatewayTestResource.RETIRED_KID, kid, "a retired key never signs");
    }

    @Test
    void clientCredentialsInTheFormWorkAndPartnersCarryTheirPartner() throws Exception {
        String clientId = Fixtures.client("partner-sys", SECRET, "FR-DGSI");
        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", SECRET)
                .post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
        JwtClaims claims = verify(token).getJwtClaims();
        assertEquals("FR-DGSI", claims.getClaimValueAsString("partner"));
        assertEquals(List.of("partner"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void passwordGrantGivesAUserToken() throws Exception {
        String username = Fixtures.user("analyst");
        String token = Fixtures.tokenFor(username.toUpperCase(), Fixtures.PASSWORD);
        JwtClaims claims = verify(token).getJwtClaims();
        assertEquals(username, claims.getSubject());
        assertEquals(List.of("analyst", "collector"), claims.getStringListClaimValue("groups"));
        assertEquals("SECRET", claims.getClaimValueAsString("clearance"));
        assertEquals(List.of("CT-NORTH", "CT-SOUTH"), claims.getStringListClaimValue("compartments"));
        assertEquals(GatewayTestResource.baseUrl(), claims.getIssuer());

        // the issuance is in the gateway's own audit trail, and no secret is
        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectType", "user").queryParam("objectId", username)
                .get("/api/gateway/audit")
                .then().statusCode(200)
                .body("items.action", hasItem("TOKEN_ISSUED"))
                .body(not(containsString(Fixtures.PASSWORD)));
    }

    @Test
    void wrongSecretIsInvalidClientWithABasicChallenge() {
        String clientId = Fixtures.client("wrong", SECRET, null);
        given().auth().preemptive().basic(clientId, "not-the-secret-at-all")
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/auth/token")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"))
                .body("error_description", notNullValue());
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "nobody-at-all").formParam("client_secret", SECRET)
                .post("/auth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/auth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void malformedRequestsAreOAuthErrors() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .formParam("code", "x").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        // a code without a client: nobody to redeem it for
        given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("code", "x").formParam("redirect_uri", "https://console.yaqaza.test/cb").post("/auth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("username", "x").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).body("grant_type=password&grant_type=client_credentials")
                .post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", "x")
                .post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"password\"}").post("/auth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void basicCredentialsAreFormDecoded() throws Exception {
        String secret = "s3cret with+plus&amp:colon";
        String clientId = Fixtures.client("encoded", secret, null);
        String encoded = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String token = given().header("Authorization", "Basic " + encoded)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals(clientId, verify(token).getJwtClaims().getSubject());
    }

    @Test
    void disabledUsersAreRefused() {
        String username = Fixtures.user("leaver");
        Fixtures.passwordGrant(username, Fixtures.PASSWORD).then().statusCode(200);
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/disable")
                .then().statusCode(200).body("enabled", equalTo(false));
        Fixtures.passwordGrant(username, Fixtures.PASSWORD)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        Fixtures.passwordGrant("no-such-user-anywhere", Fixtures.PASSWORD)
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void jwksPublishesTheSigningKeyAndTheRetiredOne() throws Exception {
        String jwks = given().get("/auth/jwks").then().statusCode(200)
                .body("keys.kid", hasItem(GatewayTestResource.RETIRED_KID))
                .body("keys.alg", not(hasItem(not(equalTo("RS256")))))
                .body("keys.kty", not(hasItem(not(equalTo("RSA")))))
                .body("keys[0].d", nullValue())
                .body("keys[1].d", nullValue())
                .extract().asString();
        JsonWebKeySet set = new JsonWebKeySet(jwks);
        assertEquals(2, set.getJsonWebKeys().size());
        String token = Fixtures.tokenFor(GatewayTestResource.ADMIN, GatewayTestResource.ADMIN_PASSWORD);
        String kid = verify(token).getJoseObjects().get(0).getKeyIdHeaderValue();
        assertTrue(set.getJsonWebKeys().stream().anyMatch(k -> k.getKeyId().equals(kid)));
    }

    @Test
    void discoveryDocumentPointsAtTheEndpoints() {
        String base = GatewayTestResource.baseUrl();
        given().get("/.well-known/openid-configuration")
                .then().statusCode(200)
                .body("issuer", equalTo(base))
                .body("token_endpoint", equalTo(base + "/auth/token"))
                .body("jwks_uri", equalTo(base + "/auth/jwks"))
                .body("grant_types_supported", hasItems("client_credentials", "password"))
                .body("id_token_signing_alg_values_supported", hasItem("RS256"))
                .body("token_endpoint_auth_methods_supported", hasItems("client_secret_basic", "client_secret_post",
                        "private_key_jwt"))
                .body("token_endpoint_auth_signing_alg_values_supported", equalTo(List.of("ES256", "RS256")));
        given().get("/.well-known/oauth-authorization-server")
                .then().statusCode(200).body("issuer", equalTo(base));
    }

    /** Verifies a token as a standard library would: keys from the published JWKS, RS256 only. */
    static JwtContext verify(String token) throws Exception {
        String jwks = given().get("/auth/jwks").then().statusCode(200).extract().asString();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setExpectedIssuer(GatewayTestResource.baseUrl())
                .setExpectedAudience("yaqaza")
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .build();
        return consumer.process(token);
    }
}
