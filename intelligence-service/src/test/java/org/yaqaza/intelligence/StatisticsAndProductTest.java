package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Statistics computed from events, status changes and cases under visibility; products for liaison. */
@QuarkusTest
class StatisticsAndProductTest {

    private static final String OWNER = Fixtures.user("stats-owner", "analyst", "TOP_SECRET", "X");
    private static final String SECRET = Fixtures.user("stats-secret", "analyst", "SECRET", "X");
    private static final String TS_NO_X = Fixtures.user("stats-ts", "supervisor", "TOP_SECRET", "Y");
    private static final String APPROVER = Fixtures.user("stats-approver", "supervisor", "TOP_SECRET", "X");

    private static String event(String type, String status, String date, Integer arrests, String cls,
            String... comps) {
        String c = comps.length == 0 ? "" : "\"" + String.join("\",\"", comps) + "\"";
        return """
                {"kind":"EVENT","displayName":"%s %s","eventType":"%s","eventStatus":"%s","eventDate":"%s",
                 "nationalTerritory":true,"arrests":%s,"category":"VIOLENT_EXTREMISM","classification":"%s",
                 "compartments":[%s]}""".formatted(type, date, type, status, date, arrests, cls, c);
    }

    @Test
    void figuresComeFromVisibleRecordsOnly() {
        // 1987 and VIOLENT_EXTREMISM: a year and category no other test uses
        String plot = Fixtures.createEntity(OWNER, event("PLOT", "PLANNED", "1987-03-01", null, "SECRET"));
        String hiddenPlot = Fixtures.createEntity(OWNER, event("PLOT", "PLANNED", "1987-05-01", null, "TOP_SECRET",
                "X"));
        Fixtures.createEntity(OWNER, event("ATTACK", "EXECUTED", "1987-07-01", null, "SECRET"));
        Fixtures.createEntity(OWNER, event("ARREST", "EXECUTED", "1987-08-01", 4, "SECRET"));
        Fixtures.createEntity(OWNER, event("ARREST", "EXECUTED", "1987-09-01", 5, "TOP_SECRET", "X"));
        String cell = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"kind":"ORGANISATION","displayName":"Cellule 1987","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"VIOLENT_EXTREMISM","classification":"TOP_SECRET",
                 "compartments":["X"]}""").post("/api/intelligence/entities").then().statusCode(201)
                .extract().path("id");
        // plots are foiled and cells dismantled by approved interventions, the only way to those figures
        String operation = Fixtures.caseUnderSurveillance(OWNER, "Opération 1987", "TOP_SECRET", "X");
        Fixtures.approvedIntervention(OWNER, APPROVER, operation, "1987-03-01", "\"foilsEventId\":\"" + plot + "\"");
        Fixtures.approvedIntervention(OWNER, APPROVER, operation, "1987-05-01",
                "\"foilsEventId\":\"" + hiddenPlot + "\"");
        Fixtures.approvedIntervention(OWNER, APPROVER, operation, "1987-10-10",
                "\"dismantlesOrganisationId\":\"" + cell + "\"");

        String url = "/api/intelligence/statistics/annual?from=1986&to=1988&category=VIOLENT_EXTREMISM";
        given().auth().oauth2(OWNER).get(url).then().statusCode(200)
                .body("years[1].year", equalTo(1987))
                .body("years[1].plotsFoiled", equalTo(2))
                .body("years[1].attacksOnNationalTerritory", equalTo(1))
                .body("years[1].arrests", equalTo(9))
                .body("years[1].cellsDismantled", equalTo(1))
                .body("years[0].plotsFoiled", equalTo(0));
        for (String token : new String[] { SECRET, TS_NO_X }) {
            given().auth().oauth2(token).get(url).then().statusCode(200)
                    .body("years[1].plotsFoiled", equalTo(1))
                    .body("years[1].arrests", equalTo(4))
                    .body("years[1].cellsDismantled", equalTo(0));
        }
        given().auth().oauth2(OWNER).accept("image/svg+xml").get(url).then().statusCode(200)
                .contentType("image/svg+xml").body(containsString("<svg"))
                .body(containsString("1987 Plots foiled: 2"));
        given().auth().oauth2(SECRET).get("/api/intelligence/statistics/annual.svg?from=1986&to=1988"
                + "&category=VIOLENT_EXTREMISM").then().statusCode(200)
                .body(containsString("1987 Plots foiled: 1"));
        given().auth().oauth2(OWNER).get("/api/intelligence/statistics/annual?from=2000&to=1990")
                .then().statusCode(400);
        given().auth().oauth2(OWNER).get("/api/intelligence/statistics/annual?category=FRAUD")
                .then().statusCode(400).body("errors.field", hasItem("category"));
    }

    @Test
    void productKeepsSourcesAndPartnerOriginatorsForLiaison() {
        String analyst = Fixtures.user("product-analyst", "analyst", "SECRET");
        String partnerReport = Fixtures.createReport(analyst, Fixtures.report("PARTNER", "B", 2,
                "2026-03-01T10:00:00Z", "fr", "Note partenaire", "Contenu", "SECRET")
                .replace("\"compartments\"", "\"originatorPartner\":\"fr-dgsi\",\"compartments\""));
        String own = Fixtures.createReport(analyst, Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z", "ar",
                "مصدر", "نص", "SECRET"));
        String id = given().auth().oauth2(analyst).contentType(ContentType.JSON).body("""
                {"title":"Synthèse","summary":"Résumé assaini","category":"TERRORISM",
                 "sourceReportIds":["%s","%s"],"classification":"RESTRICTED"}""".formatted(partnerReport, own))
                .post("/api/intelligence/products").then().statusCode(201).extract().path("id");
        String liaison = Fixtures.user("liaison-1", "liaison-officer", "RESTRICTED");
        given().auth().oauth2(liaison).get("/api/intelligence/products/" + id).then().statusCode(200)
                .body("classification", equalTo("RESTRICTED"))
                .body("originatorPartners", equalTo(java.util.List.of("fr-dgsi")))
                .body("sourceReportIds", equalTo(java.util.List.of(partnerReport, own)))
                .body("tearLine", nullValue())
                .body("category", equalTo("TERRORISM"));
        // the liaison officer may read the product, not its SECRET sources
        given().auth().oauth2(liaison).get("/api/intelligence/reports/" + own).then().statusCode(403);
        String service = Fixtures.user("svc-liaison", "service", "TOP_SECRET");
        given().auth().oauth2(service).get("/api/intelligence/products/" + id).then().statusCode(200);
        String topSecret = Fixtures.user("product-ts", "analyst", "TOP_SECRET", "X");
        String hidden = given().auth().oauth2(topSecret).contentType(ContentType.JSON).body("""
                {"title":"Très secret","summary":"s","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"TOP_SECRET","compartments":["X"]}""".formatted(own))
                .post("/api/intelligence/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(service).get("/api/intelligence/products/" + hidden).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body("""
                {"title":"x","summary":"s","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"RESTRICTED"}""".formatted(java.util.UUID.randomUUID()))
                .post("/api/intelligence/products").then().statusCode(422);
    }
}
