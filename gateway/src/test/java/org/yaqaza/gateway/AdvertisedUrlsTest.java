package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Every URL the gateway advertises is absolute and reachable as the client addressed it: on the gateway's own
 * (non-default, random) port, and behind an ingress whose forwarding headers the gateway trusts (and nobody
 * else's). The services get the same public view in Forwarded / X-Forwarded-*.
 */
@QuarkusTest
class AdvertisedUrlsTest {

    private static final String INGRESS_HEADERS = "X-Forwarded-Proto: https\r\nX-Forwarded-Host: yaqaza.example.org"
            + "\r\nX-Forwarded-Port: 8443";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryEndpointsAreOnThePortTheClientUsedAndWorkAsGiven() throws Exception {
        String base = GatewayTestResource.baseUrl();
        assertTrue(URI.create(base).getPort() != 80 && URI.create(base).getPort() > 0);
        JsonPath discovery = given().get("/.well-known/openid-configuration").then().statusCode(200).extract()
                .jsonPath();
        // the issuer is the configured one; the endpoints are where this client reaches them
        assertEquals(base, discovery.getString("issuer"));
        String tokenEndpoint = discovery.getString("token_endpoint");
        assertEquals(base + "/auth/token", tokenEndpoint);
        String username = Fixtures.user("discovery");
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username
                        + "&password=" + Fixtures.PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(discovery.getString("jwks_uri")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, keys.statusCode());
        assertTrue(keys.body().contains("\"keys\""), keys.body());
        // RFC 8414's name serves the same document
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("token_endpoint", org.hamcrest.Matchers.equalTo(tokenEndpoint));
    }

    @Test
    void behindTheTrustedIngressTheIngressesPublicAddressIsAdvertisedAndNobodyElseCanForgeIt() throws IOException {
        RawHttp.Response viaIngress = RawHttp.send(GatewayTestResource.INGRESS,
                "GET /.well-known/openid-configuration HTTP/1.1\r\n" + INGRESS_HEADERS, null, 0);
        assertEquals(200, viaIngress.status());
        assertEquals("https://yaqaza.example.org:8443/auth/token",
                JsonPath.from(viaIngress.body()).getString("token_endpoint"));
        assertEquals(GatewayTestResource.baseUrl(), JsonPath.from(viaIngress.body()).getString("issuer"));

        RawHttp.Response forged = RawHttp.send(null,
                "GET /.well-known/openid-configuration HTTP/1.1\r\n" + INGRESS_HEADERS, null, 0);
        assertEquals(GatewayTestResource.baseUrl() + "/auth/token",
                JsonPath.from(forged.body()).getString("token_endpoint"));
    }

    @Test
    void servicesAreToldThePublicSchemeHostAndPortInBothForms() throws IOException {
        String direct = "/api/liaison/" + Fixtures.unique("fwd");
        given().auth().oauth2(Fixtures.analyst()).get(direct).then().statusCode(200);
        FakeUpstream.Seen seen = GatewayTestResource.upstream().seen(direct);
        String authority = URI.create(GatewayTestResource.baseUrl()).getAuthority();
        assertEquals("http", seen.header("X-Forwarded-Proto"));
        assertEquals(authority, seen.header("X-Forwarded-Host"));
        assertEquals(Integer.toString(URI.create(GatewayTestResource.baseUrl()).getPort()),
                seen.header("X-Forwarded-Port"));
        assertEquals("for=127.0.0.1;host=\"" + authority + "\";proto=http", seen.header("Forwarded"));

        String viaIngress = "/api/liaison/" + Fixtures.unique("fwd-ingress");
        RawHttp.Response answer = RawHttp.send(GatewayTestResource.INGRESS, "GET " + viaIngress
                + " HTTP/1.1\r\nAuthorization: Bearer " + Fixtures.analyst() + "\r\nX-Forwarded-For: 198.51.100.7\r\n"
                + INGRESS_HEADERS, null, 0);
        assertEquals(200, answer.status());
        FakeUpstream.Seen behind = GatewayTestResource.upstream().seen(viaIngress);
        assertEquals("https", behind.header("X-Forwarded-Proto"));
        assertEquals("yaqaza.example.org:8443", behind.header("X-Forwarded-Host"));
        assertEquals("8443", behind.header("X-Forwarded-Port"));
        assertEquals("198.51.100.7", behind.header("X-Forwarded-For"));
        assertEquals("for=198.51.100.7;host=\"yaqaza.example.org:8443\";proto=https", behind.header("Forwarded"));
    }

    @Test
    void locationHeadersAreAbsoluteAndLeadToTheNewRecord() throws Exception {
        String clientId = Fixtures.unique("located");
        String body = """
                {"clientId":"%s","displayName":"Client","secret":"located-secret-for-tests-2026","roles":["service"],
                 "clearance":"RESTRICTED","compartments":[],"agency":"DGST","partner":null}""".formatted(clientId);
        String location = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/admin/clients").then().statusCode(201).extract().header("Location");
        assertEquals(GatewayTestResource.baseUrl() + "/api/admin/clients/" + clientId, location);
        HttpResponse<String> followed = http.send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + Fixtures.admin()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, followed.statusCode());
        assertTrue(followed.body().contains(clientId));

        String other = Fixtures.unique("located");
        RawHttp.Response viaIngress = RawHttp.sendWithBody(GatewayTestResource.INGRESS, "POST /api/admin/clients"
                + " HTTP/1.1\r\nAuthorization: Bearer " + Fixtures.admin() + "\r\nContent-Type: application/json\r\n"
                + INGRESS_HEADERS, body.replace(clientId, other));
        assertEquals(201, viaIngress.status(), viaIngress.body());
        assertEquals("https://yaqaza.example.org:8443/api/admin/clients/" + other, viaIngress.header("Location"));
        assertTrue(new String(viaIngress.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .contains(other));
    }
}
