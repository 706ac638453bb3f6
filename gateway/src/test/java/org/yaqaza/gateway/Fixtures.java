package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.yaqaza.testsupport.PostgresTestResource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tokens, directory entries and token requests shared by the gateway's tests. */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private Fixtures() {
    }

    /** Every compartment the tests grant: administrators hold them, since nobody grants what they do not hold. */
    public static final String[] COMPARTMENTS = { "CT-NORTH", "CT-SOUTH", "CYBER" };

    /** An admin token from the test issuer (the gateway trusts it like any service does). */
    public static String admin() {
        return admin("admin-1");
    }

    /** A second administrator, who approves what {@link #admin()} asked for (four-eyes). */
    public static String secondAdmin() {
        return admin("admin-2");
    }

    public static String admin(String subject) {
        return PostgresTestResource.primary().token().subject(subject).roles("admin").clearance("TOP_SECRET")
                .compartments(COMPARTMENTS).agency("DGST").sign();
    }

    /**
     * The answer to a directory request, settled: a 202 (pending a second administrator) is approved by
     * {@link #secondAdmin()}; anything else is returned as it is.
     */
    public static Response settled(Response answer) {
        if (answer.statusCode() != 202) {
            return answer;
        }
        String id = answer.then().extract().path("id");
        return given().auth().oauth2(secondAdmin()).post("/api/admin/changes/" + id + "/approve");
    }

    public static String analyst() {
        return PostgresTestResource.primary().token().subject("analyst-1").roles("analyst").clearance("SECRET")
                .sign();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates a user (analyst, SECRET, CT-NORTH and CT-SOUTH, DGST) with {@link #PASSWORD}, approved by the second
     * administrator; returns the username.
     */
    public static String user(String prefix) {
        String username = unique(prefix);
        settled(given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Test %s","password":"%s","roles":["analyst","collector"],
                         "clearance":"SECRET","compartments":["CT-NORTH","CT-SOUTH"],"agency":"DGST"}"""
                        .formatted(username, username, PASSWORD))
                .post("/api/admin/users")).then().statusCode(200).body("status", equalTo("APPROVED"));
        return username;
    }

    /**
     * Creates a client (CONFIDENTIAL, CT-NORTH) with a chosen secret, approved by the second administrator;
     * {@code partner} null for an internal client.
     */
    public static String client(String prefix, String secret, String partner) {
        String clientId = unique(prefix);
        String roles = partner == null ? "[\"service\"]" : "[\"partner\"]";
        settled(given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Client %s","secret":"%s","roles":%s,
                         "clearance":"CONFIDENTIAL","compartments":["CT-NORTH"],"agency":"DGST","partner":%s}"""
                        .formatted(clientId, clientId, secret, roles, partner == null ? "null" : "\"" + partner + "\""))
                .post("/api/admin/clients")).then().statusCode(200).body("status", equalTo("APPROVED"));
        return clientId;
    }

    public static Response passwordGrant(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .post("/auth/token");
    }

    /** A token for {@code username} from the gateway's own token service. */
    public static String tokenFor(String username, String password) {
        return passwordGrant(username, password).then().statusCode(200).extract().path("access_token");
    }
}
