package org.yaqaza.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaqaza.launcher.DemoDirectory;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteService;

import io.restassured.http.ContentType;

/**
 * The backbone end to end, as a newcomer meets it: the real suite (embedded PostgreSQL and the four service
 * processes) started by the launcher, tokens from the gateway's token service, every call through the gateway, and
 * nothing left running once the launcher stopped it. The suite is the one the differential, fault and escalation
 * tests used before it (ShortDeadlineSuite): what a newcomer does must also work on a suite that lived through a
 * killed service and a PostgreSQL restart.
 */
class BackboneIT {

    private static LocalSuite suite;
    private static String gateway;

    @BeforeAll
    static void startSuite() {
        // last on the suite it shares with the differential, fault and escalation tests (ShortDeadlineSuite): one
        // suite start fewer; it is this class's release that stops the suite, checked below
        suite = ShortDeadlineSuite.acquire(BackboneIT.class);
        gateway = suite.gatewayUrl();
    }

    @AfterAll
    static void stopSuiteAndCheckNothingRemains() {
        if (suite == null) {
            return;
        }
        List<Integer> ports = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            ports.add(suite.options().port(service));
        }
        ports.add(suite.options().postgresPort());
        List<ProcessHandle> children = suite.startups().stream()
                .map(s -> ProcessHandle.of(s.pid())).flatMap(java.util.Optional::stream).toList();
        assertTrue(ShortDeadlineSuite.release(BackboneIT.class), "BackboneIT's release stops the suite");
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "service process " + child.pid() + " still alive after stop");
        }
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertTrue(socket.isBound());
            } catch (IOException e) {
                throw new AssertionError("port " + port + " still taken after stop", e);
            }
        }
    }

    private static String userToken(String username) {
        return given().baseUri(gateway).contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", DemoDirectory.demoPassword(username))
                .when().post("/auth/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"))
                .extract().path("access_token");
    }

    @Test
    void aTokenFromTheTokenServiceOpensAProtectedRouteThroughTheGateway() {
        given().baseUri(gateway).auth().oauth2(userToken("analyst"))
                .when().get("/api/intelligence/reports")
                .then().statusCode(200).body("$", hasKey("items"));
    }

    @Test
    void theSameRouteWithoutATokenIsA401Problem() {
        given().baseUri(gateway).when().get("/api/intelligence/reports")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void everyDomainServiceAnswersThroughTheGateway() {
        given().baseUri(gateway).auth().oauth2(userToken("liaison-officer"))
                .when().get("/api/liaison/partners").then().statusCode(200);
        given().baseUri(gateway).auth().oauth2(userToken("prevention-officer"))
                .when().get("/api/prevention/programmes").then().statusCode(200);
    }

    @Test
    void aFiledReportIsReadBackAndTheRequestIdTravels() {
        String token = userToken("collector");
        String id = given().baseUri(gateway).auth().oauth2(token).header("X-Request-ID", "sys-test-req-1")
                .contentType(ContentType.JSON)
                .body("""
                        {"sourceType":"HUMINT","reliability":"B","credibility":2,
                         "collectedAt":"2026-05-01T08:00:00Z","language":"ar","title":"تقرير ميداني",
                         "body":"رصد تحركات مشبوهة قرب الميناء","classification":"SECRET","compartments":["CT-NORTH"]}""")
                .when().post("/api/intelligence/reports")
                .then().statusCode(201).header("X-Request-ID", "sys-test-req-1")
                .extract().path("id");
        given().baseUri(gateway).auth().oauth2(userToken("analyst"))
                .when().get("/api/intelligence/reports/" + id)
                .then().statusCode(200).body("title", equalTo("تقرير ميداني"));
        // the auditor finds the write in the intelligence trail with the request id that came through the gateway
        given().baseUri(gateway).auth().oauth2(userToken("auditor")).queryParam("objectId", id)
                .when().get("/api/intelligence/audit")
                .then().statusCode(200).body("items[0].requestId", equalTo("sys-test-req-1"));
    }

    @Test
    void aPartnerClientGetsATokenButNotTheInternalApi() {
        String partner = given().baseUri(gateway).auth().preemptive()
                .basic(DemoDirectory.PARTNER_CLIENT.clientId(), DemoDirectory.PARTNER_CLIENT_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .when().post("/auth/token")
                .then().statusCode(200).extract().path("access_token");
        given().baseUri(gateway).auth().oauth2(partner)
                .when().get("/api/intelligence/reports")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyAuditChainIsValid() {
        String auditor = userToken("auditor");
        for (String service : List.of("gateway", "intelligence", "liaison", "prevention")) {
            String path = "/api/" + service + "/audit/verify";
            String status = given().baseUri(gateway).auth().oauth2(auditor)
                    .when().get(path)
                    .then().statusCode(200).body("eventsChecked", notNullValue())
                    .extract().path("status");
            assertEquals("valid", status, path);
        }
    }
}
