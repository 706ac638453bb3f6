package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * TAXII discovery and Location headers are absolute URLs on the address the client used: the Host with its port
 * directly, the forwarded public address from the gateway (a trusted peer: the tests connect from 127.0.0.1, which
 * this service trusts like the gateway it runs behind).
 */
@QuarkusTest
class AdvertisedUrlsTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private final HttpClient http = HttpClient.newHttpClient();

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private HttpResponse<String> follow(String url, String token, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTaxiiClientFollowsDiscoveryToTheApiRootAndItsCollectionsAsGiven() throws Exception {
        String token = Fixtures.partnerToken(Fixtures.partnerWithAgreement("SECRET", "TERRORISM"));
        JsonPath discovery = given().auth().oauth2(token).accept(TAXII).get("/taxii2/").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(base() + "/taxii2/liaison/", discovery.getString("default"));
        assertEquals(discovery.getString("default"), discovery.getString("api_roots[0]"));
        HttpResponse<String> root = follow(discovery.getString("default"), token, TAXII);
        assertEquals(200, root.statusCode(), root.body());
        HttpResponse<String> collections = follow(discovery.getString("default") + "collections/", token, TAXII);
        assertEquals(200, collections.statusCode());
        String readable = JsonPath.from(collections.body()).getString("collections.find { it.can_read }.id");
        HttpResponse<String> objects = follow(discovery.getString("default") + "collections/" + readable
                + "/objects/", token, TAXII);
        assertEquals(200, objects.statusCode(), objects.body());
    }

    @Test
    void behindTheGatewayTheForwardedPublicAddressIsAdvertised() {
        String token = Fixtures.partnerToken(Fixtures.partnerWithAgreement("SECRET", "TERRORISM"));
        given().auth().oauth2(token).accept(TAXII).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "partners.yaqaza.example").header("X-Forwarded-Port", "8443")
                .get("/taxii2/").then().statusCode(200)
                .body("default", org.hamcrest.Matchers.equalTo("https://partners.yaqaza.example:8443/taxii2/liaison/"));
        given().auth().oauth2(token).accept(TAXII)
                .header("Forwarded", "for=198.51.100.7;host=\"taxii.example.org\";proto=https")
                .get("/taxii2/").then().statusCode(200)
                .body("default", org.hamcrest.Matchers.equalTo("https://taxii.example.org/taxii2/liaison/"));
    }

    @Test
    void locationHeadersAreAbsoluteOnThePublicAddressAndLeadToTheRecord() throws Exception {
        String code = Fixtures.newCode("loc");
        String body = """
                {"code":"%s","country":"MA","serviceName":"مديرية مراقبة التراب الوطني","status":"ACTIVE",
                 "classification":"RESTRICTED","contacts":[],"clientIds":["%s-client"]}""".formatted(code, code);
        var created = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/partners").then().statusCode(201).extract();
        String location = created.header("Location");
        assertEquals(base() + "/api/liaison/partners/" + created.path("id"), location);
        HttpResponse<String> followed = follow(location, Fixtures.OFFICER, "application/json");
        assertEquals(200, followed.statusCode());
        assertTrue(followed.body().contains("مديرية مراقبة التراب الوطني"), followed.body());

        String other = Fixtures.newCode("loc");
        var forwarded = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "yaqaza.example.org")
                .header("X-Forwarded-Port", "443").body(body.replace(code, other))
                .post("/api/liaison/partners").then().statusCode(201).extract();
        assertEquals("https://yaqaza.example.org/api/liaison/partners/" + forwarded.path("id"),
                forwarded.header("Location"));
    }
}
