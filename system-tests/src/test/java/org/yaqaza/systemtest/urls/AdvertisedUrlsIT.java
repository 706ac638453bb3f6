package org.yaqaza.systemtest.urls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.SharedSuite;

import io.restassured.path.json.JsonPath;

/**
 * A client that starts at a well-known address and follows only the URLs it is given reaches every one of them:
 * TAXII (discovery, API root, collections, objects, with HTTP Basic as a TAXII client would), OpenID discovery
 * (token endpoint, keys) and the Location of a new record. Once straight at the gateway (a random, non-default
 * port) and once through an ingress on another port that the gateway trusts to say where the client came in.
 */
@ExtendWith(SharedSuite.class)
class AdvertisedUrlsIT {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String PARTNER = "url-walker";

    private static Gateway gw;
    private static SimulatedIngress ingress;
    private static String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void partnerAndIngress() throws IOException {
        gw = SharedSuite.gateway();
        gw.partnerClient(PARTNER, PARTNER, "SECRET");
        secret = "st-" + PARTNER + "-secret-2026";
        Gateway.Resp partner = gw.post("/api/liaison/partners", "liaison-officer", obj("code", PARTNER, "country",
                "TN", "serviceName", "الإدارة العامة للمصالح المختصة", "status", "ACTIVE", "classification",
                "RESTRICTED", "sharedWith", List.of("DGST"), "contacts", List.of(), "clientIds", List.of(PARTNER)))
                .expect(201, 409);
        if (partner.status() == 201) {
            gw.post("/api/liaison/partners/" + partner.str("id") + "/agreements", "liaison-officer",
                    obj("reference", "MOU-URL-2026", "ceiling", "SECRET", "categories", List.of("TERRORISM"),
                            "validFrom", LocalDate.now().minusDays(1).toString(), "status", "ACTIVE")).expect(201);
        }
        ingress = SimulatedIngress.start(gw.url());
    }

    @AfterAll
    static void stopIngress() {
        if (ingress != null) {
            ingress.close();
        }
    }

    private static String entry(String via) {
        return via.equals("gateway") ? gw.url() : ingress.url();
    }

    private HttpResponse<String> get(String url, String authorization, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertAdvertisedOn(String base, String url) {
        assertNotNull(url);
        assertTrue(url.startsWith(base + "/"), url + " is not on " + base);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "ingress" })
    void aTaxiiClientWalksFromDiscoveryToObjectsOnAdvertisedUrlsOnly(String via) {
        String base = entry(via);
        String basic = "Basic " + Base64.getEncoder().encodeToString((PARTNER + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> discovery = get(base + "/taxii2/", basic, TAXII);
        assertEquals(200, discovery.statusCode(), discovery.body());
        String apiRoot = JsonPath.from(discovery.body()).getString("default");
        assertAdvertisedOn(base, apiRoot);
        assertEquals(List.of(apiRoot), JsonPath.from(discovery.body()).getList("api_roots"));
        HttpResponse<String> root = get(apiRoot, basic, TAXII);
        assertEquals(200, root.statusCode(), root.body());
        HttpResponse<String> collections = get(apiRoot + "collections/", basic, TAXII);
        assertEquals(200, collections.statusCode(), collections.body());
        String readable = JsonPath.from(collections.body()).getString("collections.find { it.can_read }.id");
        HttpResponse<String> objects = get(apiRoot + "collections/" + readable + "/objects/", basic, TAXII);
        assertEquals(200, objects.statusCode(), objects.body());
        assertTrue(objects.headers().firstValue("Content-Type").orElse("").startsWith("application/taxii+json"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "ingress" })
    void anOpenIdClientFindsTheTokenEndpointAndKeysWhereItIs(String via) {
        String base = entry(via);
        HttpResponse<String> discovery = get(base + "/.well-known/openid-configuration", null, "application/json");
        assertEquals(200, discovery.statusCode(), discovery.body());
        JsonPath document = JsonPath.from(discovery.body());
        // the issuer is configured (tokens carry it); the endpoints follow the client
        assertEquals(gw.url(), document.getString("issuer"));
        assertAdvertisedOn(base, document.getString("token_endpoint"));
        assertAdvertisedOn(base, document.getString("jwks_uri"));
        String basic = "Basic " + Base64.getEncoder().encodeToString((PARTNER + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(document.getString("token_endpoint")))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> keys = get(document.getString("jwks_uri"), null, "application/json");
        assertEquals(200, keys.statusCode());
        assertTrue(JsonPath.from(keys.body()).getList("keys").size() >= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "ingress" })
    void theLocationOfANewRecordLeadsToIt(String via) {
        String base = entry(via);
        String bearer = "Bearer " + gw.token("liaison-officer");
        String code = PARTNER + "-" + via;
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/liaison/partners"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(obj("code", code, "country", "DZ",
                        "serviceName", "مديرية الأمن الداخلي", "status", "ACTIVE", "classification", "RESTRICTED",
                        "sharedWith", List.of("DGST"), "contacts", List.of(), "clientIds", List.of(code)))))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElse(null);
        assertAdvertisedOn(base, location);
        HttpResponse<String> followed = get(location, bearer, "application/json");
        assertEquals(200, followed.statusCode(), followed.body());
        assertEquals(code, JsonPath.from(followed.body()).getString("code"));
    }
}
