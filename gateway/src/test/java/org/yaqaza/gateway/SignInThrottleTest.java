package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No lock-out as a weapon (issue 16): guessing is slowed per (account, address) and per account, but a stranger's
 * failures never refuse the right credential from an address of its own, nor from an address the account signed
 * in from before. Each client address is a loopback address of its own (127.1.x.y), as an attacker's and a
 * user's machines would be.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final String SECRET = "throttled-client-secret-2026";

    @Test
    void aHundredWrongPasswordsFromOneAddressNeverStopTheRightOneFromAnother() throws Exception {
        String username = Fixtures.user("besieged");
        String attacker = address();
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < 100; i++) {
            RawHttp.Response answer = password(attacker, username, "wrong-password-" + i);
            if (answer.status() == 400) {
                checked++;
            } else {
                assertEquals(429, answer.status(), answer.body());
                assertEquals("application/problem+json", answer.header("Content-Type"));
                assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
                throttled++;
            }
        }
        // three free failures, then 5 s doubling: the loop is over long before many more are checked
        assertTrue(checked >= 3 && checked <= 5, "checked guesses: " + checked);
        assertEquals(100 - checked, throttled);

        // the attacker's address is slowed whatever it sends: the right password is not even checked from there
        assertEquals(429, password(attacker, username, Fixtures.PASSWORD).status());
        // the user, from their own address, signs in at once
        RawHttp.Response user = password(address(), username, Fixtures.PASSWORD);
        assertEquals(200, user.status(), user.body());
        assertTrue(user.body().contains("access_token"));

        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectType", "user").queryParam("objectId", username)
                .queryParam("limit", 200).get("/api/gateway/audit")
                .then().statusCode(200)
                .body("items.detail", hasItem(containsString("reason=throttled (source back-off)")))
                .body("items.detail", hasItem(containsString("reason=wrong_secret")))
                .body("items.action", hasItem("TOKEN_ISSUED"));
    }

    @Test
    void aNameThatDoesNotExistIsThrottledLikeOneThatDoes() throws Exception {
        String address = address();
        String nobody = Fixtures.unique("nobody");
        for (int i = 0; i < 3; i++) {
            assertEquals(400, password(address, nobody, "guess-" + i).status());
        }
        assertEquals(429, password(address, nobody, "guess-4").status());
    }

    @Test
    void pastTheAccountCeilingOnlyAddressesItSignedInFromBeforeGetIn() throws Exception {
        String username = Fixtures.user("ceiling");
        String home = address();
        assertEquals(200, password(home, username, Fixtures.PASSWORD).status(), "a good address is remembered");
        // a botnet: one guess from each of 20 addresses, each within its free failures, reaches the ceiling
        for (int i = 0; i < 20; i++) {
            assertEquals(400, password(address(), username, "botnet-guess-" + i).status());
        }
        RawHttp.Response newcomer = password(address(), username, Fixtures.PASSWORD);
        assertEquals(429, newcomer.status(), "an unknown address waits, even with the right password");
        long wait = Long.parseLong(newcomer.header("Retry-After"));
        assertTrue(wait > 3000 && wait <= 3600, "until the hour's first failure ages out: " + wait);
        // the user at home is never stopped
        RawHttp.Response fromHome = password(home, username, Fixtures.PASSWORD);
        assertEquals(200, fromHome.status(), fromHome.body());

        // an administrator who has checked with the user lifts the throttling for everyone
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/unlock")
                .then().statusCode(200);
        assertEquals(200, password(address(), username, Fixtures.PASSWORD).status());
    }

    @Test
    void aClientSecretCannotBeLockedByOthersFailures() throws Exception {
        String clientId = Fixtures.client("besieged-client", SECRET, null);
        String attacker = address();
        for (int i = 0; i < 100; i++) {
            int status = clientCredentials(attacker, clientId, "wrong-secret-" + i).status();
            assertTrue(status == 401 || status == 429, "status " + status);
        }
        assertEquals(429, clientCredentials(attacker, clientId, SECRET).status());
        RawHttp.Response client = clientCredentials(address(), clientId, SECRET);
        assertEquals(200, client.status(), client.body());
    }

    @Test
    void theTaxiiBasicExchangeIsThrottledTheSameWay() throws Exception {
        String clientId = Fixtures.client("besieged-taxii", SECRET, "ES-CNI");
        String attacker = address();
        String path = "/taxii2/" + Fixtures.unique("throttled") + "/";
        for (int i = 0; i < 3; i++) {
            assertEquals(401, taxii(attacker, path, clientId, "wrong-secret-" + i).status());
        }
        RawHttp.Response slowed = taxii(attacker, path, clientId, SECRET);
        assertEquals(429, slowed.status(), slowed.body());
        assertTrue(Long.parseLong(slowed.header("Retry-After")) >= 1);
        assertEquals(200, taxii(address(), path, clientId, SECRET).status());
    }

    /** A loopback address of its own for each client machine of a test. */
    static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127.1." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static RawHttp.Response password(String address, String username, String password) throws Exception {
        return RawHttp.sendWithBody(address, "POST /auth/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nConnection: close", "grant_type=password&username="
                        + enc(username) + "&password=" + enc(password));
    }

    private static RawHttp.Response clientCredentials(String address, String clientId, String secret)
            throws Exception {
        return RawHttp.sendWithBody(address, "POST /auth/token HTTP/1.1\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nConnection: close\r\nAuthorization: Basic "
                + basic(enc(clientId), enc(secret)), "grant_type=client_credentials");
    }

    private static RawHttp.Response taxii(String address, String path, String clientId, String secret)
            throws Exception {
        return RawHttp.send(address, "GET " + path + " HTTP/1.1\r\nConnection: close\r\nAuthorization: Basic "
                + basic(clientId, secret), null, 0);
    }

    private static String basic(String id, String secret) {
        return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
