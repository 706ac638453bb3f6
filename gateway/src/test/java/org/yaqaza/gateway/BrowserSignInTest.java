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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Browser sign-in at the token service (issue 18 item 1): authorization code with PKCE, as a browser and a
 * client would do it, redirects followed by hand. Real PostgreSQL, real HTTP, real signatures.
 */
@QuarkusTest
class BrowserSignInTest {

    private static final String CALLBACK = "https://console.yaqaza.test/console/callback";
    private static final String AFTER_LOGOUT = "https://console.yaqaza.test/console/signed-out";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">");

    private static String clientId;
    private static String username;

    /** Once, with the application up (a static @BeforeAll would run before RestAssured knows its port). */
    @BeforeEach
    void registerTheConsole() {
        if (clientId != null) {
            return;
        }
        String console = Fixtures.unique("console");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", console, "displayName", "Yaqaza console (test)", "publicClient", true,
                        "roles", List.of(), "clearance", "UNCLASSIFIED", "agency", "DGST",
                        "redirectUris", List.of(CALLBACK), "postLogoutRedirectUris", List.of(AFTER_LOGOUT)))
                .post("/api/admin/clients")
                .then().statusCode(201)
                .body("client.publicClient", equalTo(true))
                .body("client.tokenEndpointAuthMethods", equalTo(List.of("none")))
                .body("client.redirectUris", equalTo(List.of(CALLBACK)))
                .body("clientSecret", nullValue());
        username = Fixtures.user("browser");
        clientId = console;
    }

    // ---- the flow

    @Test
    void theFullFlowGivesAnAccessTokenAnIdTokenAndARefreshToken() throws Exception {
        Browser browser = new Browser();
        String nonce = random();
        String code = browser.signIn(username, Fixtures.PASSWORD, nonce);
        Response tokens = redeem(code, browser.verifier, CALLBACK);
        tokens.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600))
                .body("scope", equalTo("openid profile"))
                .body("refresh_token", notNullValue());

        JwtClaims access = TokenEndpointTest.verify(tokens.path("access_token")).getJwtClaims();
        assertEquals(username, access.getSubject());
        assertEquals("SECRET", access.getClaimValueAsString("clearance"));
        assertTrue(access.getStringListClaimValue("groups").contains("analyst"));

        JwtClaims id = verifyIdToken(tokens.path("id_token"));
        assertEquals(username, id.getSubject());
        assertEquals(List.of(clientId), id.getAudience());
        assertEquals(nonce, id.getClaimValueAsString("nonce"));
        long authTime = ((Number) id.getClaimValue("auth_time")).longValue();
        assertTrue(Math.abs(authTime - System.currentTimeMillis() / 1000) < 60, "auth_time " + authTime);
        assertNotNull(id.getClaimValueAsString("sid"));
        assertTrue(id.getStringListClaimValue("groups").contains("analyst"), "roles for the web app");

        // the access token opens the API at the gateway's edge
        given().auth().oauth2(tokens.path("access_token")).get("/api/intelligence/reports")
                .then().statusCode(not(401));
    }

    @Test
    void pkceIsRequiredAndPlainIsRefused() {
        Browser browser = new Browser();
        // no challenge, or a plain one: the error goes back to the registered redirect URI with the state
        Map<String, String> noChallenge = browser.request(null);
        noChallenge.remove("code_challenge");
        noChallenge.remove("code_challenge_method");
        assertRedirectedError(browser.get(noChallenge), "invalid_request", noChallenge.get("state"));
        Map<String, String> plain = browser.request(null);
        plain.put("code_challenge", browser.verifier);
        plain.put("code_challenge_method", "plain");
        assertRedirectedError(browser.get(plain), "invalid_request", plain.get("state"));
        Map<String, String> noMethod = browser.request(null);
        noMethod.remove("code_challenge_method");
        assertRedirectedError(browser.get(noMethod), "invalid_request", noMethod.get("state"));
        // and an OpenID Connect sign-in it must be
        Map<String, String> noOpenId = browser.request(null);
        noOpenId.put("scope", "profile");
        assertRedirectedError(browser.get(noOpenId), "invalid_scope", noOpenId.get("state"));

        // a wrong verifier, or none, does not redeem the code
        String code = browser.signIn(username, Fixtures.PASSWORD, null);
        redeem(code, new Browser().verifier, CALLBACK).then().statusCode(400).body("error", equalTo("invalid_grant"));
        String another = browser.signIn(username, Fixtures.PASSWORD, null);
        redeem(another, null, CALLBACK).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // and a code refused once is spent: the right verifier comes too late
        redeem(another, browser.verifier, CALLBACK).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCodeWorksOnceAndItsSecondUseRevokesWhatItGave() {
        Browser browser = new Browser();
        String code = browser.signIn(username, Fixtures.PASSWORD, null);
        Response first = redeem(code, browser.verifier, CALLBACK);
        first.then().statusCode(200);
        String access = first.path("access_token");
        given().auth().oauth2(access).get("/api/intelligence/reports").then().statusCode(not(401));

        redeem(code, browser.verifier, CALLBACK).then().statusCode(400).body("error", equalTo("invalid_grant"));

        // what the first use gave is revoked: the refresh token, and the access token at the edge
        refresh(first.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(access).get("/api/intelligence/reports").then().statusCode(401);
    }

    @Test
    void aWrongOrUnregisteredRedirectUriIsNeverFollowed() {
        Browser browser = new Browser();
        for (String redirect : List.of("https://evil.example/callback", CALLBACK + "/more", CALLBACK + "?x=1",
                "https://console.yaqaza.test/console/*")) {
            Map<String, String> request = browser.request(null);
            request.put("redirect_uri", redirect);
            Response page = browser.get(request);
            page.then().statusCode(400).contentType(containsString("text/html")).header("Location", nullValue())
                    .body(containsString("not allowed to sign people in here"));
        }
        Map<String, String> unknownClient = browser.request(null);
        unknownClient.put("client_id", "no-such-client");
        browser.get(unknownClient).then().statusCode(400).header("Location", nullValue());
        // a caller that does not ask for HTML (a script, an API client) gets the refusal as a problem document
        given().redirects().follow(false).accept("application/json").queryParams(unknownClient).get("/auth/authorize")
                .then().statusCode(400).contentType("application/problem+json").header("Location", nullValue())
                .body("status", equalTo(400));

        // the token endpoint wants the redirect URI of the request the code was given for
        String code = browser.signIn(username, Fixtures.PASSWORD, null);
        redeem(code, browser.verifier, "https://console.yaqaza.test/other").then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    // ---- refresh tokens

    @Test
    void refreshTokensRotateAndAReusedOneEndsTheWholeSignIn() {
        Response signedIn = signedIn();
        String first = signedIn.path("refresh_token");
        Response rotated = refresh(first);
        rotated.then().statusCode(200).body("id_token", notNullValue()).body("access_token", notNullValue());
        String second = rotated.path("refresh_token");
        assertNotEquals(first, second);
        String latestAccess = rotated.path("access_token");
        given().auth().oauth2(latestAccess).get("/api/intelligence/reports").then().statusCode(not(401));

        // the first one again: someone copied it, so the family ends, the newest token and its access token too
        refresh(first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(second).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(latestAccess).get("/api/intelligence/reports").then().statusCode(401);
    }

    @Test
    void refreshTokensStopWhenTheUserIsDisabledOrTheirClearanceChanges() {
        String lowered = Fixtures.user("lowered");
        String disabled = Fixtures.user("disabled");
        Response loweredTokens = signedIn(lowered);
        Response disabledTokens = signedIn(disabled);
        Response rotated = refresh(loweredTokens.path("refresh_token"));
        rotated.then().statusCode(200);

        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + disabled + "/disable")
                .then().statusCode(200);
        refresh(disabledTokens.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));

        String etag = given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + lowered).header("ETag");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Lowered","roles":["analyst"],"clearance":"RESTRICTED",
                         "compartments":[],"agency":"DGST","enabled":true}""")
                .put("/api/admin/users/" + lowered).then().statusCode(200);
        // the rotated token was the good one; it stops all the same, and a new sign-in carries the new clearance
        refresh(rotated.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        Response again = signedIn(lowered);
        assertEquals("RESTRICTED", claim(again.path("access_token"), "clearance"));
    }

    @Test
    void revocationEndsTheSignIn() {
        Response signedIn = signedIn();
        given().contentType(ContentType.URLENC).formParam("token", (String) signedIn.path("refresh_token"))
                .formParam("token_type_hint", "refresh_token").formParam("client_id", clientId)
                .post("/auth/revoke").then().statusCode(200);
        refresh(signedIn.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2((String) signedIn.path("access_token")).get("/api/intelligence/reports")
                .then().statusCode(401);
        // an unknown token is no error (RFC 7009 2.2); a missing one is
        given().contentType(ContentType.URLENC).formParam("token", "unknown").formParam("client_id", clientId)
                .post("/auth/revoke").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParam("client_id", clientId)
                .post("/auth/revoke").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    // ---- logout

    @Test
    void logoutRevokesTheSignInAndReturnsOnlyToARegisteredAddress() {
        Response signedIn = signedIn();
        String idToken = signedIn.path("id_token");
        Response logout = noRedirects().queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", AFTER_LOGOUT).queryParam("state", "bye-1")
                .get("/auth/logout");
        logout.then().statusCode(303);
        assertEquals(AFTER_LOGOUT + "?state=bye-1", logout.header("Location"));
        refresh(signedIn.path("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2((String) signedIn.path("access_token")).get("/api/intelligence/reports")
                .then().statusCode(401);

        noRedirects().queryParam("id_token_hint", idToken).queryParam("post_logout_redirect_uri",
                "https://evil.example/").get("/auth/logout")
                .then().statusCode(400).header("Location", nullValue());
        noRedirects().queryParam("id_token_hint", "not.a.token").get("/auth/logout")
                .then().statusCode(400);
        noRedirects().get("/auth/logout").then().statusCode(200).body(containsString("signed out"));
    }

    // ---- the page

    @Test
    void thePageSpeaksArabicFrenchAndEnglish() {
        Browser browser = new Browser();
        Map<String, String> request = browser.request(null);
        request.put("ui_locales", "ar");
        Response arabic = browser.get(request);
        arabic.then().statusCode(200).body(containsString("<html lang=\"ar\" dir=\"rtl\">"))
                .body(containsString("<label for=\"username\">اسم المستخدم</label>"))
                .body(containsString("<label for=\"password\">كلمة المرور</label>"));

        request.remove("ui_locales");
        browser.get(request, "fr-MA,fr;q=0.9,en;q=0.5").then().statusCode(200)
                .body(containsString("<html lang=\"fr\" dir=\"ltr\">"))
                .body(containsString("<label for=\"password\">Mot de passe</label>"));
        browser.get(request, "de").then().statusCode(200)
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("<label for=\"password\">Password</label>"));
        // the switch keeps the request and names each language in itself
        String english = browser.get(request, "en").asString();
        assertTrue(english.contains("hreflang=\"ar\">العربية</a>"), english);
        assertTrue(english.contains("ui_locales=fr"), english);
        assertTrue(english.contains("code_challenge=" + request.get("code_challenge")), english);
    }

    @Test
    void thePageRunsNoScriptAndIsNeverFramed() {
        Browser browser = new Browser();
        Response page = browser.get(browser.request(null));
        page.then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self' https://console.yaqaza.test"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        assertFalse(page.asString().contains("<script"), "no script on the page");
        assertFalse(page.asString().contains("style="), "no inline style on the page");
        String cookie = page.header("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"),
                cookie);
        given().get("/auth/sign-in.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        Browser browser = new Browser();
        Response page = browser.get(browser.request(null));
        Map<String, String> form = hiddenFields(page.asString());
        form.put("username", username);
        form.put("password", Fixtures.PASSWORD);

        // no cookie: not this browser's page
        Response noCookie = noRedirects().contentType(ContentType.URLENC).formParams(form).post("/auth/authorize");
        noCookie.then().statusCode(400).header("Location", nullValue())
                .body(containsString("This page had expired"));
        // a cookie that is not the form's
        Response other = noRedirects().contentType(ContentType.URLENC).formParams(form)
                .cookie("yaqaza_sign_in_csrf", random()).post("/auth/authorize");
        other.then().statusCode(400).header("Location", nullValue());
        // a malformed form, or one that repeats a field, is the caller's error, never the server's
        noRedirects().contentType(ContentType.URLENC).body("grant_type=%%%&&==&password=%zz")
                .post("/auth/authorize").then().statusCode(400).contentType(containsString("text/html"));
        given().accept("application/json").contentType(ContentType.URLENC).body("username=a&username=b")
                .post("/auth/authorize").then().statusCode(400).contentType("application/problem+json");
        // no token in the form
        form.remove("csrf");
        noRedirects().contentType(ContentType.URLENC).formParams(form)
                .cookie("yaqaza_sign_in_csrf", page.cookie("yaqaza_sign_in_csrf")).post("/auth/authorize")
                .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void wrongPasswordsAreThrottledButTheRightOneFromAnotherAddressGetsIn() throws Exception {
        String besieged = Fixtures.user("besieged-page");
        Browser attacker = new Browser(SignInThrottleTest.address());
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            Response answer = attacker.submit(besieged, "wrong-" + i, null);
            if (answer.statusCode() == 401) {
                refused++;
                assertTrue(answer.asString().contains("not valid"), answer.asString());
            } else {
                assertEquals(429, answer.statusCode(), answer.asString());
                assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
                throttled++;
            }
        }
        assertTrue(refused >= 3 && refused <= 5, "checked guesses: " + refused);
        assertEquals(8 - refused, throttled);
        // even the right password is not checked from the attacker's address now
        assertEquals(429, attacker.submit(besieged, Fixtures.PASSWORD, null).statusCode());

        Browser user = new Browser(SignInThrottleTest.address());
        String code = user.signIn(besieged, Fixtures.PASSWORD, null);
        redeem(code, user.verifier, CALLBACK).then().statusCode(200);
    }

    // ---- discovery and the admin API

    @Test
    void discoveryListsWhatAnOpenIdClientNeeds() {
        String base = GatewayTestResource.baseUrl();
        given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("authorization_endpoint", equalTo(base + "/auth/authorize"))
                .body("token_endpoint", equalTo(base + "/auth/token"))
                .body("revocation_endpoint", equalTo(base + "/auth/revoke"))
                .body("end_session_endpoint", equalTo(base + "/auth/logout"))
                .body("code_challenge_methods_supported", equalTo(List.of("S256")))
                .body("response_types_supported", equalTo(List.of("code")))
                .body("grant_types_supported", hasItems("authorization_code", "refresh_token", "client_credentials"))
                .body("scopes_supported", hasItem("openid"))
                .body("token_endpoint_auth_methods_supported", hasItem("none"))
                .body("id_token_signing_alg_values_supported", equalTo(List.of("RS256")));
        // through a proxy, the endpoints follow the client (PublicBaseUrl)
        given().header("Host", "sso.yaqaza.test:8443").get("/.well-known/oauth-authorization-server")
                .then().statusCode(200)
                .body("authorization_endpoint", equalTo("http://sso.yaqaza.test:8443/auth/authorize"))
                .body("end_session_endpoint", equalTo("http://sso.yaqaza.test:8443/auth/logout"));
    }

    @Test
    void clientsRegisterExactSafeRedirectUris() {
        for (String redirect : List.of("https://console.yaqaza.test/*", "http://console.yaqaza.test/cb",
                "https://console.yaqaza.test/cb#frag", "/relative", "javascript:alert(1)")) {
            given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                    .body(Map.of("clientId", Fixtures.unique("bad-redirect"), "displayName", "Bad",
                            "publicClient", true, "roles", List.of(), "clearance", "UNCLASSIFIED", "agency", "DGST",
                            "redirectUris", List.of(redirect)))
                    .post("/api/admin/clients")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        // a public client holds no secret (it could not keep one), and cannot be given one later
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("clientId", Fixtures.unique("leaky"), "displayName", "Leaky", "publicClient", true,
                        "secret", "a-secret-of-twenty-chars", "roles", List.of(), "clearance", "UNCLASSIFIED",
                        "agency", "DGST", "redirectUris", List.of(CALLBACK)))
                .post("/api/admin/clients").then().statusCode(400);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/clients/" + clientId + "/secret").then().statusCode(409);
        // nor does the public client get a token of its own
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).post("/auth/token").then().statusCode(401);
    }

    // ---- helpers

    /** A browser with its cookie jar of one cookie, a PKCE verifier, and a source address of its own. */
    private final class Browser {
        final String verifier = random() + random();
        final String address;
        String csrfCookie;

        Browser() {
            this(SignInThrottleTest.address());
        }

        Browser(String address) {
            this.address = address;
        }

        Map<String, String> request(String nonce) {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("response_type", "code");
            request.put("client_id", clientId);
            request.put("redirect_uri", CALLBACK);
            // email is not known here: ignored, not refused (OpenID Connect Core 3.1.2.1)
            request.put("scope", "openid email profile");
            request.put("state", random());
            if (nonce != null) {
                request.put("nonce", nonce);
            }
            request.put("code_challenge", s256(verifier));
            request.put("code_challenge_method", "S256");
            return request;
        }

        Response get(Map<String, String> request) {
            return get(request, "en");
        }

        Response get(Map<String, String> request, String acceptLanguage) {
            Response page = from(address).header("Accept-Language", acceptLanguage).queryParams(request)
                    .get("/auth/authorize");
            if (page.cookie("yaqaza_sign_in_csrf") != null) {
                csrfCookie = page.cookie("yaqaza_sign_in_csrf");
            }
            return page;
        }

        /** Opens the page and sends its form with these credentials. */
        Response submit(String user, String password, String nonce) {
            Response page = get(request(nonce));
            page.then().statusCode(200);
            Map<String, String> form = hiddenFields(page.asString());
            form.put("username", user);
            form.put("password", password);
            return from(address).contentType(ContentType.URLENC).cookie("yaqaza_sign_in_csrf", csrfCookie)
                    .formParams(form).post("/auth/authorize");
        }

        /** Signs in and returns the code of the redirect, after checking where it goes. */
        String signIn(String user, String password, String nonce) {
            Response page = get(request(nonce));
            Map<String, String> form = hiddenFields(page.asString());
            form.put("username", user);
            form.put("password", password);
            Response answer = from(address).contentType(ContentType.URLENC)
                    .cookie("yaqaza_sign_in_csrf", csrfCookie).formParams(form).post("/auth/authorize");
            answer.then().statusCode(303);
            URI location = URI.create(answer.header("Location"));
            assertEquals(CALLBACK, location.getScheme() + "://" + location.getAuthority() + location.getPath());
            Map<String, String> query = query(location);
            assertEquals(form.get("state"), query.get("state"));
            assertEquals(GatewayTestResource.baseUrl(), query.get("iss"));
            return query.get("code");
        }
    }

    private Response signedIn() {
        return signedIn(username);
    }

    private Response signedIn(String user) {
        Browser browser = new Browser();
        Response tokens = redeem(browser.signIn(user, Fixtures.PASSWORD, random()), browser.verifier, CALLBACK);
        tokens.then().statusCode(200);
        return tokens;
    }

    private static Response redeem(String code, String verifier, String redirect) {
        RequestSpecification request = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", redirect).formParam("client_id", clientId);
        if (verifier != null) {
            request.formParam("code_verifier", verifier);
        }
        return request.post("/auth/token");
    }

    private static Response refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).formParam("client_id", clientId).post("/auth/token");
    }

    private static void assertRedirectedError(Response answer, String error, String state) {
        answer.then().statusCode(303);
        URI location = URI.create(answer.header("Location"));
        assertTrue(answer.header("Location").startsWith(CALLBACK + "?"), answer.header("Location"));
        Map<String, String> query = query(location);
        assertEquals(error, query.get("error"));
        assertEquals(state, query.get("state"));
        assertFalse(query.containsKey("code"));
    }

    private static JwtClaims verifyIdToken(String idToken) throws Exception {
        String jwks = given().get("/auth/jwks").then().statusCode(200).extract().asString();
        return new JwtConsumerBuilder()
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject()
                .setExpectedIssuer(GatewayTestResource.baseUrl())
                .setExpectedAudience(clientId)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .build().processToClaims(idToken);
    }

    private static String claim(String token, String name) {
        try {
            return TokenEndpointTest.verify(token).getJwtClaims().getClaimValueAsString(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), unescape(matcher.group(2)));
        }
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** Requests from a loopback address of their own (the sign-in throttling counts per address). */
    private static RequestSpecification from(String address) {
        try {
            return noRedirects().config(RestAssured.config()
                    .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                    .httpClient(HttpClientConfig.httpClientConfig().setParam("http.route.local-address",
                            InetAddress.getByName(address))));
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A browser's request: it follows no redirect by itself here, and asks for HTML. */
    private static RequestSpecification noRedirects() {
        return given().redirects().follow(false).accept("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
