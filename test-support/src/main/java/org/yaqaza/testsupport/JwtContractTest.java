package org.yaqaza.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * Token verification as every service must do it, run by each service against one of its own protected GET
 * routes with real RS256 tokens. Subclasses are {@code @QuarkusTest}s.
 */
public abstract class JwtContractTest {

    /** A GET route that answers 200 to {@link #authorised(TestIssuer.Token)}. */
    protected abstract String protectedPath();

    /** Gives the token what the route needs (roles, clearance). */
    protected abstract TestIssuer.Token authorised(TestIssuer.Token token);

    private TestIssuer.Token valid() {
        return authorised(PostgresTestResource.primary().token());
    }

    private ValidatableResponse call(String token) {
        var request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().get(protectedPath()).then();
    }

    private void refused(String token) {
        call(token).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("requestId", notNullValue());
    }

    @Test
    void validTokenIsAccepted() {
        call(valid().sign()).statusCode(200);
    }

    @Test
    void missingTokenIsRefused() {
        refused(null);
    }

    @Test
    void algNoneIsRefused() {
        refused(valid().unsigned());
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        refused(valid().hs256WithPublicKey().sign());
    }

    @Test
    void tamperedSignatureIsRefused() {
        String token = valid().sign();
        char last = token.charAt(token.length() - 2);
        refused(token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1));
    }

    @Test
    void tamperedPayloadIsRefused() {
        String[] parts = valid().sign().split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("\"UNCLASSIFIED\"", "\"TOP_SECRET\"")
                        .replace("\"SECRET\"", "\"TOP_SECRET\"").getBytes());
        refused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void signatureByAnUntrustedKeyIsRefused() {
        refused(valid().foreignKey().sign());
    }

    @Test
    void expiredWellPastTheGraceIsRefused() {
        refused(valid().shiftTimes(-700).sign());
    }

    @Test
    void missingExpIsRefused() {
        refused(valid().claim("exp", null).sign());
    }

    @Test
    void missingIatIsRefused() {
        refused(valid().claim("iat", null).sign());
    }

    @Test
    void wrongIssuerIsRefused() {
        refused(valid().claim("iss", "https://evil.example/auth").sign());
    }

    @Test
    void wrongAudienceIsRefused() {
        refused(valid().claim("aud", "someone-else").sign());
    }

    @Test
    void missingAudienceIsRefused() {
        refused(valid().claim("aud", null).sign());
    }

    @Test
    void notBeforeInTheFutureIsRefused() {
        refused(valid().claim("nbf", TestIssuer.now() + 600).sign());
    }

    @Test
    void unknownKidIsRefused() {
        refused(valid().keyId("no-such-key").sign());
    }

    @Test
    void lifetimeOverFifteenMinutesIsRefused() {
        refused(valid().claim("exp", TestIssuer.now() + 3600).sign());
    }

    @Test
    void tokenOverSixteenKilobytesIsRefused() {
        refused(valid().claim("padding", "x".repeat(17 * 1024)).sign());
    }

    @Test
    void tokenOfASecondConfiguredIssuerIsAccepted() {
        // that issuer carries roles Keycloak-style; the service maps them from its configured claim
        TestIssuer.Token external = authorised(PostgresTestResource.external().token());
        String token = external.claim("realm_access", Map.of("roles", rolesOf(external)))
                .claim("groups", null)
                .sign();
        call(token).statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(TestIssuer.Token token) {
        return (List<String>) token.claimValue("groups");
    }
}
