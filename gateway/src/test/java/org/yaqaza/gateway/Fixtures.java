package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.yaqaza.launcher.testing.PostgresTestResource;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Tokens, directory entries and token requests shared by the gateway's tests. */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private Fixtures() {
    }

    /** An admin token from the test issuer (the gateway trusts it like any service does). */
    public static String admin() {
        return PostgresTestResource.primary().token().subject("admin-1").roles("admin").sign();
    }

    public static String analyst() {
        return PostgresTestResource.primary().token().subject("analyst-1").roles("analyst").clearance("SECRET")
                .sign();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user (analyst, SECRET, CT-NORTH, DGST) with {@link #PASSWORD}; returns the username. */
    public static String user(String prefix) {
        String username = unique(prefix);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"username":"%s","displayName":"Test %s","password":"%s","roles":["analyst","collector"],
                         "clearance":"SECRET","compartments":["CT-NORTH","CT-SOUTH"],"agency":"DGST"}"""
                        .formatted(username, username, PASSWORD))
                .post("/api/admin/users").then().statusCode(201);
        return username;
    }

    /** Creates a client with a chosen secret; {@code partner} null for an internal client. */
    public static String client(String prefix, String secret, String partner) {
        String clientId = unique(prefix);
        String roles = partner == null ? "[\"service\"]" : "[\"partner\"]";
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Client %s","secret":"%s","roles":%s,
                         "clearance":"CONFIDENTIAL","compartments":["CT-NORTH"],"agency":"DGST","partner":%s}"""
                        .formatted(clientId, clientId, secret, roles, partner == null ? "null" : "\"" + partner + "\""))
                .post("/api/admin/clients").then().statusCode(201);
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
