package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FirewallAndVisibilityTest {

    private static final String OWNER = Fixtures.officer("TOP_SECRET", "MHAI", "X");

    @ParameterizedTest
    @ValueSource(strings = { "analyst", "collector", "liaison-officer", "partner" })
    void intelligenceAndLiaisonRolesAreRefusedEvenWithFullClearance(String role) {
        String token = PostgresTestResource.primary().token().roles(role).clearance("TOP_SECRET")
                .compartments("X").agency("MHAI").sign();
        given().auth().oauth2(token).get("/api/prevention/programmes").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.programme("RESTRICTED"))
                .post("/api/prevention/programmes").then().statusCode(403);
    }

    private int count(String token) {
        return given().auth().oauth2(token).get("/api/prevention/programmes/count").then().statusCode(200)
                .extract().path("count");
    }

    @Test
    void aCompartmentedProgrammeIsHiddenFromOfficersWithoutTheCompartment() {
        String noCompartment = Fixtures.officer("TOP_SECRET", "MHAI");
        String secret = Fixtures.officer("SECRET", "MHAI", "X");
        int before = count(noCompartment);
        int secretBefore = count(secret);
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body(Fixtures.programme("TOP_SECRET", "X")).post("/api/prevention/programmes")
                .then().statusCode(201).extract().path("id");
        for (String token : new String[] { noCompartment, secret }) {
            given().auth().oauth2(token).get("/api/prevention/programmes/" + id).then().statusCode(404);
            given().auth().oauth2(token).queryParam("limit", 500).get("/api/prevention/programmes")
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
        }
        assertEquals(before, count(noCompartment));
        assertEquals(secretBefore, count(secret));
        given().auth().oauth2(OWNER).get("/api/prevention/programmes/" + id).then().statusCode(200);
    }
}
