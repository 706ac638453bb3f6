package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Products are read with the user's own token, never this service's: the intelligence-service sees the officer as
 * the reader, and what the officer may not see there stays unknown here even though this service's own token (TOP
 * SECRET) could read it. Partner reports go out with the service token ({@link OutboxTest}: the stand-in refuses
 * any other).
 */
@QuarkusTest
class TokenPropagationTest {

    @Test
    void theOfficersTokenReachesTheIntelligenceService() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.product("RESTRICTED", "TERRORISM");
        String officer = PostgresTestResource.primary().token().subject("officer-propagation").roles("liaison-officer")
                .clearance("SECRET").agency("DGST").sign();
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"productId\":\"" + product + "\",\"partners\":[\"" + partner + "\"],\"tlp\":\"GREEN\"}")
                .post("/api/liaison/releases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"reason\":\"titre corrigé\"}")
                .post("/api/liaison/releases/" + id + "/corrections").then().statusCode(201);
        assertEquals(List.of("officer-propagation", "officer-propagation"), IntelligenceStub.readersOf(product));
    }

    @Test
    void whatTheOfficerMayNotSeeStaysUnknownThoughThisServiceCouldReadIt() {
        String partner = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        UUID secret = IntelligenceStub.product("SECRET", "TERRORISM");
        given().auth().oauth2(Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST")).contentType(ContentType.JSON)
                .body("{\"productId\":\"" + secret + "\",\"partners\":[\"" + partner + "\"],\"tlp\":\"GREEN\"}")
                .post("/api/liaison/releases").then().statusCode(422).body("title", equalTo("Unknown product"));
        assertEquals(List.of(), IntelligenceStub.readersOf(secret));
    }
}
