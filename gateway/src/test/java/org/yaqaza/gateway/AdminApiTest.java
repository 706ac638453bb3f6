package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AdminApiTest {

    @Test
    void everyInvalidFieldIsListed() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"username":"x","displayName":" ","password":"short","roles":["analyst","wizard"],
                         "clearance":"COSMIC","compartments":["ct-north"],"agency":null}""")
                .post("/api/admin/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("username", "displayName", "password", "clearance", "agency"))
                .body("errors.field", hasItem(containsString("roles")))
                .body("errors.field", hasItem(containsString("compartments")))
                .body(not(containsString("short")));
    }

    @Test
    void crossFieldRulesAreFieldErrorsToo() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"P","password":"long-enough-password","roles":["partner"],
                         "clearance":"SECRET","agency":"DGST"}""".formatted(Fixtures.unique("p")))
                .post("/api/admin/users")
                .then().statusCode(400).body("errors.field", hasItem("roles"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"P","roles":["partner"],"clearance":"SECRET",
                         "agency":"DGST"}""".formatted(Fixtures.unique("p")))
                .post("/api/admin/clients")
                .then().statusCode(400).body("errors.field", hasItem("partner"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"P","roles":["service"],"clearance":"SECRET",
                         "agency":"DGST","partner":"FR-DGSI"}""".formatted(Fixtures.unique("p")))
                .post("/api/admin/clients")
                .then().statusCode(400).body("errors.field", hasItem("partner"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"username\":\"abc\",\"isAdmin\":true}")
                .post("/api/admin/users")
                .then().statusCode(400).body("errors.field", hasItem("isAdmin"));
    }

    @Test
    void onlyAdminsAdminister() {
        given().auth().oauth2(Fixtures.analyst()).get("/api/admin/users")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.analyst()).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/clients")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/admin/clients")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        // a user's own gateway token does not make them an admin either
        String username = Fixtures.user("plain");
        given().auth().oauth2(Fixtures.tokenFor(username, Fixtures.PASSWORD)).get("/api/admin/users")
                .then().statusCode(403);
    }

    @Test
    void usersLifecycle() {
        String admin = Fixtures.admin();
        String username = Fixtures.unique("Officer").toLowerCase();
        String etag = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Nadia B.","password":"first-password-1","roles":["analyst"],
                         "clearance":"restricted","agency":"DGST"}""".formatted(username.toUpperCase()))
                .post("/api/admin/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/admin/users/" + username))
                .body("username", equalTo(username))
                .body("clearance", equalTo("RESTRICTED"))
                .body("compartments.size()", equalTo(0))
                .body("enabled", equalTo(true))
                .body("createdBy", equalTo("admin-1"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .extract().header("ETag");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Dup","password":"first-password-1","roles":[],
                         "clearance":"SECRET","agency":"DGST"}""".formatted(username))
                .post("/api/admin/users").then().statusCode(409).contentType("application/problem+json");

        String update = """
                {"displayName":"Nadia Benali","roles":["analyst","supervisor"],"clearance":"SECRET",
                 "compartments":["CT-NORTH"],"agency":"DGST","enabled":true}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(update)
                .put("/api/admin/users/" + username).then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"999\"").body(update)
                .put("/api/admin/users/" + username).then().statusCode(409);
        // SECRET and a compartment need a second administrator: nothing changes until one approves
        Fixtures.settled(given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(update).put("/api/admin/users/" + username)).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/admin/users/" + username)
                .then().statusCode(200)
                .body("roles", equalTo(java.util.List.of("analyst", "supervisor")))
                .body("clearance", equalTo("SECRET"))
                .body("compartments", equalTo(java.util.List.of("CT-NORTH")));
        given().auth().oauth2(admin).get("/api/admin/users?limit=500").then().statusCode(200)
                .body("items.username", hasItem(username));

        Fixtures.tokenFor(username, "first-password-1");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"password\":\"too-short\"}")
                .put("/api/admin/users/" + username + "/password")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        Fixtures.settled(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"password\":\"second-password-2\"}").put("/api/admin/users/" + username + "/password"))
                .then().statusCode(200).body("action", equalTo("SET_PASSWORD"));
        Fixtures.passwordGrant(username, "first-password-1").then().statusCode(400);
        Fixtures.tokenFor(username, "second-password-2");

        given().auth().oauth2(admin).get("/api/admin/users/nobody-here-" + username)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void clientsGetAGeneratedSecretOnceAndCanRotateIt() {
        String admin = Fixtures.admin();
        String clientId = Fixtures.unique("Ingest-Feed");
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Ingest feed","roles":["service"],"clearance":"RESTRICTED",
                         "agency":"DGST"}""".formatted(clientId))
                .post("/api/admin/clients")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("client.clientId", equalTo(clientId))
                .body("client.tokenEndpointAuthMethods", equalTo(java.util.List.of("client_secret_basic",
                        "client_secret_post")))
                .body("clientSecret", notNullValue())
                .extract().path("clientSecret");
        given().auth().oauth2(admin).get("/api/admin/clients/" + clientId).then().statusCode(200)
                .body("partner", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));
        given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/auth/token").then().statusCode(200);

        String rotated = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/clients/" + clientId + "/secret")
                .then().statusCode(200).extract().path("clientSecret");
        given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/auth/token").then().statusCode(401);
        given().auth().preemptive().basic(clientId, rotated).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/auth/token").then().statusCode(200);

        String etag = given().auth().oauth2(admin).get("/api/admin/clients/" + clientId).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Partner feed","roles":["partner"],"clearance":"RESTRICTED",
                         "compartments":[],"agency":"DGST","partner":"ES-CNI","enabled":true}""")
                .put("/api/admin/clients/" + clientId)
                .then().statusCode(200).body("partner", equalTo("ES-CNI"))
                .body("roles", equalTo(java.util.List.of("partner")));
        given().auth().oauth2(admin).post("/api/admin/clients/" + clientId + "/disable")
                .then().statusCode(200).body("enabled", equalTo(false));
        given().auth().preemptive().basic(clientId, rotated).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/auth/token").then().statusCode(401);
        given().auth().oauth2(admin).get("/api/admin/clients?limit=500").then().statusCode(200)
                .body("items.clientId", hasItem(clientId));
    }

    @Test
    void aPartnerSystemRegistersAKeyUnlessItIsGivenASecretExplicitly() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Partner","roles":["partner"],"clearance":"RESTRICTED",
                         "agency":"DGST","partner":"FR-DGSI"}""".formatted(Fixtures.unique("keyless")))
                .post("/api/admin/clients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("jwks"));
    }

    @Test
    void usersAndClientsShareOneNamespace() {
        String username = Fixtures.user("shared");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Clash","roles":["service"],"clearance":"SECRET",
                         "agency":"DGST"}""".formatted(username))
                .post("/api/admin/clients")
                .then().statusCode(409);
    }

    @Test
    void theBootstrapAdminAdministersWithAGatewayToken() {
        String token = Fixtures.tokenFor(GatewayTestResource.ADMIN, GatewayTestResource.ADMIN_PASSWORD);
        String username = Fixtures.unique("demo");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Demo","password":"demo-password-123","roles":["collector"],
                         "clearance":"RESTRICTED","agency":"DGST"}""".formatted(username))
                .post("/api/admin/users")
                .then().statusCode(201).body("createdBy", equalTo(GatewayTestResource.ADMIN));
    }
}
