package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * private_key_jwt client authentication (RFC 7523) at the token endpoint: a partner system registers a public key
 * and signs a short-lived, single-use assertion instead of sending a secret.
 */
@QuarkusTest
class ClientAssertionTest {

    private static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private static PublicJsonWebKey rsa;
    private static PublicJsonWebKey otherRsa;
    private static PublicJsonWebKey ec;

    @BeforeAll
    static void keys() throws Exception {
        rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("partner-2026");
        otherRsa = RsaJwkGenerator.generateJwk(2048);
        otherRsa.setKeyId("partner-2026");
        ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("partner-ec");
    }

    @Test
    void aValidAssertionGetsATokenAndItsReplayIsRefused() throws Exception {
        String clientId = partnerWithKey(rsa);
        String assertion = assertion(clientId, rsa, AlgorithmIdentifiers.RSA_USING_SHA256, tokenEndpoint(), 60);
        String token = grant(assertion, null).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("access_token");
        var claims = TokenEndpointTest.verify(token).getJwtClaims();
        assertEquals(clientId, claims.getSubject());
        assertEquals("ES-CNI", claims.getClaimValueAsString("partner"));

        grant(assertion, null).then().statusCode(401).body("error", equalTo("invalid_client"));
        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectType", "client").queryParam("objectId", clientId)
                .get("/api/gateway/audit").then().statusCode(200)
                .body("items.detail", hasItem(containsString("method=private_key_jwt; reason=jti replayed")))
                .body("items.action", hasItem("TOKEN_ISSUED"));
    }

    @Test
    void badAssertionsAreRefusedEachForItsReason() throws Exception {
        String clientId = partnerWithKey(rsa);
        String rs256 = AlgorithmIdentifiers.RSA_USING_SHA256;
        List<String> refused = List.of(
                assertion(clientId, rsa, rs256, "https://elsewhere.example/token", 60),
                assertion(clientId, rsa, rs256, tokenEndpoint(), -120),
                assertion(clientId, rsa, rs256, tokenEndpoint(), 600),
                assertion(clientId, otherRsa, rs256, tokenEndpoint(), 60),
                assertion(clientId, ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, tokenEndpoint(), 60),
                unsigned(clients(clientId, clientId, tokenEndpoint(), 60)),
                hmac(clients(clientId, clientId, tokenEndpoint(), 60)),
                signed(clients("someone-else", clientId, tokenEndpoint(), 60), rsa, rs256),
                "not-a-jwt-at-all");
        for (String assertion : refused) {
            grant(assertion, null).then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        // the form's client_id, if given, must be the assertion's subject
        grant(assertion(clientId, rsa, rs256, tokenEndpoint(), 60), "another-client")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        // the issuer is an audience too, and then it all still works
        grant(assertion(clientId, rsa, rs256, GatewayTestResource.baseUrl(), 60), clientId).then().statusCode(200);
    }

    @Test
    void aHundredWrongAssertionsNeverStopAValidOne() throws Exception {
        String clientId = partnerWithKey(rsa);
        // from ten addresses, so that the edge's per-address limit does not hide a single check
        for (int a = 0; a < 10; a++) {
            String address = SignInThrottleTest.address();
            for (int i = 0; i < 10; i++) {
                String forged = assertion(clientId, otherRsa, AlgorithmIdentifiers.RSA_USING_SHA256,
                        tokenEndpoint(), 60);
                assertEquals(401, raw(address, forged).status());
            }
        }
        RawHttp.Response valid = raw(SignInThrottleTest.address(),
                assertion(clientId, rsa, AlgorithmIdentifiers.RSA_USING_SHA256, tokenEndpoint(), 60));
        assertEquals(200, valid.status(), valid.body());
    }

    @Test
    void keysAreReplacedThroughTheAdminApiAndAnEs256KeyWorks() throws Exception {
        String clientId = partnerWithKey(rsa);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"jwks\":" + ec.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "}")
                .put("/api/admin/clients/" + clientId + "/keys").then().statusCode(204);
        grant(assertion(clientId, ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, tokenEndpoint(), 60),
                null).then().statusCode(200);
        grant(assertion(clientId, rsa, AlgorithmIdentifiers.RSA_USING_SHA256, tokenEndpoint(), 60), null)
                .then().statusCode(401);
        given().auth().oauth2(Fixtures.admin()).get("/api/admin/clients/" + clientId).then().statusCode(200)
                .body("tokenEndpointAuthMethods", equalTo(List.of("private_key_jwt")))
                .body("jwks.keys[0].kid", equalTo("partner-ec"))
                .body("jwks.keys[0].d", equalTo(null));
    }

    @Test
    void unusableKeysAreRefusedWhenRegistered() throws Exception {
        String withPrivatePart = rsa.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        String small = RsaJwkGenerator.generateJwk(1024).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        String p384 = EcJwkGenerator.generateJwk(EllipticCurves.P384).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        for (String jwks : List.of(withPrivatePart, small, p384, "{\"keys\":[]}", "{\"kty\":\"oct\",\"k\":\"AAAA\"}")) {
            given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                    .body("""
                            {"clientId":"%s","displayName":"Partner","roles":["partner"],"clearance":"RESTRICTED",
                             "agency":"ES-CNI","partner":"ES-CNI","jwks":%s}""".formatted(Fixtures.unique("bad-key"), jwks))
                    .post("/api/admin/clients")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("jwks"))
                    .body(org.hamcrest.Matchers.not(containsString("\"d\"")));
        }
    }

    /** A partner client (RESTRICTED, no compartment: no second administrator needed) with a public key. */
    private static String partnerWithKey(PublicJsonWebKey key) {
        String clientId = Fixtures.unique("es-cni");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Partner system: Spain","roles":["partner"],
                         "clearance":"RESTRICTED","agency":"ES-CNI","partner":"ES-CNI","jwks":{"keys":[%s]}}"""
                        .formatted(clientId, key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))
                .post("/api/admin/clients")
                .then().statusCode(201)
                .body("client.tokenEndpointAuthMethods", equalTo(List.of("private_key_jwt")))
                .body("clientSecret", equalTo(null));
        return clientId;
    }

    static String tokenEndpoint() {
        return GatewayTestResource.baseUrl() + "/auth/token";
    }

    static JwtClaims clients(String issuer, String subject, String audience, int expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(audience);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        NumericDate expires = NumericDate.now();
        expires.addSeconds(expiresInSeconds);
        claims.setExpirationTime(expires);
        return claims;
    }

    static String assertion(String clientId, PublicJsonWebKey key, String algorithm, String audience,
            int expiresInSeconds) throws Exception {
        return signed(clients(clientId, clientId, audience, expiresInSeconds), key, algorithm);
    }

    static String signed(JwtClaims claims, PublicJsonWebKey key, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    private static String unsigned(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        return jws.getCompactSerialization();
    }

    private static String hmac(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey("a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private static Response grant(String assertion, String clientId) {
        var request = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_assertion_type", TYPE).formParam("client_assertion", assertion);
        if (clientId != null) {
            request.formParam("client_id", clientId);
        }
        return request.post("/auth/token");
    }

    private static RawHttp.Response raw(String address, String assertion) throws Exception {
        return RawHttp.sendWithBody(address, "POST /auth/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nConnection: close", "grant_type=client_credentials"
                        + "&client_assertion_type=" + URLEncoder.encode(TYPE, StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion);
    }
}
