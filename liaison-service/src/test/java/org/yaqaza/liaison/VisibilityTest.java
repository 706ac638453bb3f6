package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A TOP_SECRET partnership in compartment X must not exist for anyone who may not see it. */
@QuarkusTest
class VisibilityTest {

    private static final String OWNER = Fixtures.liaisonOfficer("TOP_SECRET", "DGED", "X");

    private int count(String token) {
        return given().auth().oauth2(token).get("/api/liaison/partners/count").then().statusCode(200)
                .extract().path("count");
    }

    private void assertHidden(String token, String id, int countBefore) {
        given().auth().oauth2(token).get("/api/liaison/partners/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("limit", 500).get("/api/liaison/partners")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        assertEquals(countBefore, count(token));
    }

    @Test
    void hiddenFromLowerClearanceOtherCompartmentsAndOtherAgencies() {
        String secret = Fixtures.liaisonOfficer("SECRET", "DGED", "X");
        String noCompartment = Fixtures.liaisonOfficer("TOP_SECRET", "DGED", "Y");
        String otherAgency = Fixtures.liaisonOfficer("TOP_SECRET", "DGST", "X");
        int secretBefore = count(secret);
        int noCompartmentBefore = count(noCompartment);
        int otherAgencyBefore = count(otherAgency);
        int ownerBefore = count(OWNER);

        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body(Fixtures.partner("TOP_SECRET", "X")).post("/api/liaison/partners")
                .then().statusCode(201).extract().path("id");

        assertEquals(ownerBefore + 1, count(OWNER));
        given().auth().oauth2(OWNER).get("/api/liaison/partners/" + id).then().statusCode(200);
        assertHidden(secret, id, secretBefore);
        assertHidden(noCompartment, id, noCompartmentBefore);
        assertHidden(otherAgency, id, otherAgencyBefore);
    }

    @Test
    void nonLiaisonRolesAreRefused() {
        String analyst = org.yaqaza.testsupport.PostgresTestResource.primary().token().roles("analyst")
                .clearance("TOP_SECRET").sign();
        given().auth().oauth2(analyst).get("/api/liaison/partners").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
