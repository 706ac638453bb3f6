package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Annual figures per partner: releases, warnings, median acknowledgement time, outcomes; JSON and SVG. */
@QuarkusTest
class StatisticsTest {

    @Test
    void countsWhatHappenedThisYearUnderTheVisibilityRule() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        String r1 = Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "AMBER", partner);
        Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "GREEN", partner);
        given().auth().oauth2(token).post("/api/liaison/partner/releases/" + r1 + "/acknowledge").then()
                .statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"ATTACK_FOILED\"}")
                .post("/api/liaison/partner/releases/" + r1 + "/feedback").then().statusCode(201);
        // feedback counts once per release and partner: a second one is refused and changes no figure
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"ARRESTS\"}")
                .post("/api/liaison/partner/releases/" + r1 + "/feedback").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"ATTACK_FOILED\"}")
                .post("/api/liaison/partner/releases/" + r1 + "/feedback").then().statusCode(409);
        String warning = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("""
                {"partner":"%s","precedence":"PRIORITY","tlp":"AMBER","category":"TERRORISM","title":"Avertissement",
                 "body":"Déplacement prévu d'un membre de la cellule.","classification":"CONFIDENTIAL"}"""
                .formatted(partner)).post("/api/liaison/warnings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/api/liaison/partner/warnings/" + warning + "/acknowledge").then()
                .statusCode(200);

        int year = Fixtures.today().getYear();
        String row = "partners.find { it.partner == '" + partner + "' }";
        given().auth().oauth2(Fixtures.supervisor("stats-supervisor")).queryParam("year", year)
                .get("/api/liaison/statistics/annual").then().statusCode(200).body("year", equalTo(year))
                .body(row + ".releases", equalTo(2)).body(row + ".releasesAcknowledged", equalTo(1))
                .body(row + ".medianReleaseAcknowledgementSeconds", notNullValue())
                .body(row + ".warnings", equalTo(1)).body(row + ".warningsAcknowledged", equalTo(1))
                .body(row + ".medianWarningAcknowledgementSeconds", notNullValue())
                .body(row + ".outcomes.ATTACK_FOILED", equalTo(1)).body(row + ".outcomes.ARRESTS", equalTo(0));
        // a RESTRICTED officer does not count the CONFIDENTIAL warning
        given().auth().oauth2(Fixtures.liaisonOfficer("RESTRICTED", "DGST")).queryParam("year", year)
                .get("/api/liaison/statistics/annual").then().statusCode(200)
                .body(row + ".releases", equalTo(2)).body(row + ".warnings", equalTo(0));
        // nothing in another year
        given().auth().oauth2(Fixtures.OFFICER).queryParam("year", year - 5).get("/api/liaison/statistics/annual")
                .then().statusCode(200).body(row, org.hamcrest.Matchers.nullValue());

        given().auth().oauth2(Fixtures.auditor()).accept("image/svg+xml").queryParam("year", year)
                .get("/api/liaison/statistics/annual").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).body(startsWith("<svg"))
                .body(containsString(partner));
        given().auth().oauth2(Fixtures.OFFICER).queryParam("year", 1900).get("/api/liaison/statistics/annual")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/statistics/annual").then()
                .statusCode(403);
    }
}
