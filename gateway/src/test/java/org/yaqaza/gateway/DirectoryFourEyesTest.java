package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Directory four-eyes (issue 16), through the admin API: grants above RESTRICTED, compartments, the admin role and
 * other users' passwords wait for a second administrator, who cannot be the requester or the account concerned;
 * nobody grants above their own clearance or a compartment they do not hold; everything is audited with the values
 * before and after.
 */
@QuarkusTest
class DirectoryFourEyesTest {

    private static final String FOUR_EYES = "urn:yaqaza:problem:four-eyes";
    private static final String ABOVE_OWN = "urn:yaqaza:problem:grant-above-own";

    @Test
    void aGrantAboveRestrictedWaitsForASecondAdministrator() {
        String username = Fixtures.unique("analyst");
        Response requested = createUser(Fixtures.admin(), username, "SECRET", "[\"CT-NORTH\"]", "[\"analyst\"]");
        requested.then().statusCode(202)
                .header("Location", containsString("/api/admin/changes/"))
                .header("Cache-Control", "no-store")
                .body("status", equalTo("PENDING"))
                .body("action", equalTo("CREATE_USER"))
                .body("requestedBy", equalTo("admin-1"))
                .body("reasons", hasItems("grants clearance SECRET, above RESTRICTED", "grants compartments CT-NORTH"))
                .body("newValues", containsString("clearance=SECRET"))
                .body(not(containsString("pending-password")));
        String id = requested.then().extract().path("id");

        // nothing exists yet: no account, no sign-in
        given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + username).then().statusCode(404);
        Fixtures.passwordGrant(username, "pending-password-2026").then().statusCode(400);
        given().auth().oauth2(Fixtures.secondAdmin()).get("/api/admin/changes").then().statusCode(200)
                .body("items.id", hasItem(id));

        // the requester cannot approve their own request
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(FOUR_EYES));
        given().auth().oauth2(Fixtures.secondAdmin()).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("admin-2"));
        given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + username).then().statusCode(200)
                .body("clearance", equalTo("SECRET")).body("createdBy", equalTo("admin-1"));
        Fixtures.passwordGrant(username, "pending-password-2026").then().statusCode(200);
        given().auth().oauth2(Fixtures.secondAdmin()).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(409);

        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectType", "user").queryParam("objectId", username)
                .get("/api/gateway/audit").then().statusCode(200)
                .body("items.action", hasItems("DIRECTORY_CHANGE_REQUESTED", "DIRECTORY_CHANGE_APPROVED",
                        "USER_CREATED"))
                .body("items.detail", hasItem(containsString("old: -; new: roles=[analyst]; clearance=SECRET; "
                        + "compartments=[CT-NORTH]")))
                .body("items.detail", hasItem(containsString("requested by admin-1; approved by admin-2")))
                .body(not(containsString("pending-password")));
    }

    @Test
    void lowGrantsAndTakingAccessAwayAreAppliedAtOnce() {
        String username = Fixtures.user("lowered");
        String etag = given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + username).then()
                .extract().header("ETag");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Lowered","roles":["collector"],"clearance":"RESTRICTED","compartments":[],
                         "agency":"DGST","enabled":true}""")
                .put("/api/admin/users/" + username)
                .then().statusCode(200).body("clearance", equalTo("RESTRICTED"));
        String auditor = PostgresTestResource.primary().token().roles("auditor").sign();
        given().auth().oauth2(auditor).queryParam("objectType", "user").queryParam("objectId", username)
                .get("/api/gateway/audit").then().statusCode(200)
                .body("items.detail", hasItem(containsString("old: roles=[analyst, collector]; clearance=SECRET; "
                        + "compartments=[CT-NORTH, CT-SOUTH]; agency=DGST; enabled=true; new: roles=[collector]; "
                        + "clearance=RESTRICTED; compartments=[]")));
    }

    @Test
    void nobodyGrantsAboveTheirOwnClearanceOrACompartmentTheyLack() {
        String lowAdmin = PostgresTestResource.primary().token().subject("admin-secret").roles("admin")
                .clearance("SECRET").compartments("CT-NORTH").agency("DGST").sign();
        createUser(lowAdmin, Fixtures.unique("high"), "TOP_SECRET", "[]", "[\"analyst\"]")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(ABOVE_OWN));
        createUser(lowAdmin, Fixtures.unique("cyber"), "SECRET", "[\"CYBER\"]", "[\"analyst\"]")
                .then().statusCode(403).body("type", equalTo(ABOVE_OWN)).body("detail", containsString("CYBER"));
        // within their own grants the request is taken (and still waits for a second administrator)
        createUser(lowAdmin, Fixtures.unique("north"), "SECRET", "[\"CT-NORTH\"]", "[\"analyst\"]")
                .then().statusCode(202);

        // an approver is held to the same rule: a SECRET administrator cannot approve a TOP_SECRET grant
        String id = createUser(Fixtures.admin(), Fixtures.unique("top"), "TOP_SECRET", "[]", "[\"analyst\"]")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(lowAdmin).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(403).body("type", equalTo(ABOVE_OWN));
        given().auth().oauth2(Fixtures.admin()).get("/api/admin/changes/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING"));

        // nor can they reset the password of someone above them
        String secretUser = Fixtures.user("above");
        given().auth().oauth2(PostgresTestResource.primary().token().subject("admin-restricted").roles("admin")
                .clearance("RESTRICTED").agency("DGST").sign()).contentType(ContentType.JSON)
                .body("{\"password\":\"taken-over-password-1\"}").put("/api/admin/users/" + secretUser + "/password")
                .then().statusCode(403).body("type", equalTo(ABOVE_OWN));
    }

    @Test
    void aPasswordResetOfAnotherUserWaitsAndItsSubjectCannotApproveIt() {
        String username = Fixtures.user("reset");
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"password\":\"reset-password-2026\"}").put("/api/admin/users/" + username + "/password")
                .then().statusCode(202).body("action", equalTo("SET_PASSWORD"))
                .body("reasons", hasItem("sets the password of another user"))
                .extract().path("id");
        Fixtures.passwordGrant(username, "reset-password-2026").then().statusCode(400);
        Fixtures.tokenFor(username, Fixtures.PASSWORD);
        given().auth().oauth2(Fixtures.secondAdmin()).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(200);
        Fixtures.tokenFor(username, "reset-password-2026");
        Fixtures.passwordGrant(username, Fixtures.PASSWORD).then().statusCode(400);

        // the bootstrap administrators hold real grants; one asks to reset the other's password: the other
        // (the account concerned) cannot approve it, a third administrator can reject it
        String first = Fixtures.tokenFor(GatewayTestResource.ADMIN, GatewayTestResource.ADMIN_PASSWORD);
        String second = Fixtures.tokenFor(GatewayTestResource.SECOND_ADMIN, GatewayTestResource.SECOND_ADMIN_PASSWORD);
        String takeover = given().auth().oauth2(first).contentType(ContentType.JSON)
                .body("{\"password\":\"takeover-password-1\"}")
                .put("/api/admin/users/" + GatewayTestResource.SECOND_ADMIN + "/password")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(second).post("/api/admin/changes/" + takeover + "/approve")
                .then().statusCode(403).body("type", equalTo(FOUR_EYES));
        given().auth().oauth2(Fixtures.secondAdmin()).post("/api/admin/changes/" + takeover + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/changes/" + takeover + "/approve")
                .then().statusCode(409);
        // one's own password is one's own affair
        given().auth().oauth2(second).contentType(ContentType.JSON)
                .body("{\"password\":\"" + GatewayTestResource.SECOND_ADMIN_PASSWORD + "\"}")
                .put("/api/admin/users/" + GatewayTestResource.SECOND_ADMIN + "/password")
                .then().statusCode(204);
    }

    @Test
    void anApprovalOfAnUpdateToAnAccountThatChangedSinceIsRefused() {
        String username = Fixtures.user("raced");
        String etag = given().auth().oauth2(Fixtures.admin()).get("/api/admin/users/" + username).then()
                .extract().header("ETag");
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"displayName":"Raced","roles":["analyst"],"clearance":"TOP_SECRET","compartments":[],
                         "agency":"DGST","enabled":true}""")
                .put("/api/admin/users/" + username).then().statusCode(202).extract().path("id");
        given().auth().oauth2(Fixtures.admin()).post("/api/admin/users/" + username + "/disable").then()
                .statusCode(200);
        given().auth().oauth2(Fixtures.secondAdmin()).post("/api/admin/changes/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aClientsGrantsAndItsSecretWaitToo() {
        String clientId = Fixtures.unique("feed");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Feed","roles":["service"],"clearance":"CONFIDENTIAL",
                         "agency":"DGST"}""".formatted(clientId))
                .post("/api/admin/clients")
                .then().statusCode(202).body("action", equalTo("CREATE_CLIENT"))
                .body("generatedSecret", org.hamcrest.Matchers.notNullValue());
        String existing = Fixtures.client("rotated", "first-secret-of-the-feed", null);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{\"secret\":null}")
                .post("/api/admin/clients/" + existing + "/secret")
                .then().statusCode(202).body("action", equalTo("SET_SECRET"))
                .body("generatedSecret", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Fixtures.analyst()).get("/api/admin/changes").then().statusCode(403);
    }

    private static Response createUser(String admin, String username, String clearance, String compartments,
            String roles) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"محمد الأمين","password":"pending-password-2026","roles":%s,
                         "clearance":"%s","compartments":%s,"agency":"DGST"}"""
                        .formatted(username, roles, clearance, compartments))
                .post("/api/admin/users");
    }
}
