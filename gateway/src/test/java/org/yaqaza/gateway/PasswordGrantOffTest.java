package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The password grant as production has it: off (OAuth 2.1 drops it; people sign in through the authorization
 * endpoint). The other tests run with it on, as the local demo does.
 */
@QuarkusTest
@TestProfile(PasswordGrantOffTest.Off.class)
class PasswordGrantOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yaqaza.gateway.token.password-grant.enabled", "false");
        }
    }

    @Test
    void theRightPasswordGetsNoTokenAndDiscoveryDoesNotOfferTheGrant() {
        // the bootstrap administrator's right password: refused for the grant, not for the password
        given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", GatewayTestResource.ADMIN)
                .formParam("password", GatewayTestResource.ADMIN_PASSWORD)
                .post("/auth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("grant_types_supported", not(hasItem("password")))
                .body("grant_types_supported", hasItem("authorization_code"));
    }
}
