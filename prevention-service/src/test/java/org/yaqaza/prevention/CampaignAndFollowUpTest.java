package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CampaignAndFollowUpTest {

    @Test
    void reachIsTotalledByRegionAndMonth() {
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("PRISON_RECONCILIATION", "OUTREACH_CAMPAIGN"));
        String campaign = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"name\":\"الوسطية والاعتدال\",\"startsOn\":\"2024-01-01\",\"regions\":[\"Oriental\","
                        + "\"Souss-Massa\"],\"channels\":[\"radio\"]}")
                .post("/api/prevention/programmes/" + programme + "/campaigns").then().statusCode(201)
                .extract().path("id");
        String item = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"title\":\"حلقة إذاعية عن الرحمة\",\"language\":\"ar\",\"medium\":\"radio\"}")
                .post("/api/prevention/campaigns/" + campaign + "/content").then().statusCode(201)
                .extract().path("id");
        String[][] figures = { { "Oriental", "2024-01-10", "1000" }, { "Oriental", "2024-01-25", "500" },
                { "Oriental", "2024-02-03", "700" }, { "Souss-Massa", "2024-01-15", "300" } };
        for (String[] f : figures) {
            given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                    .body("{\"contentItemId\":\"" + item + "\",\"channel\":\"radio\",\"region\":\"" + f[0]
                            + "\",\"reportedOn\":\"" + f[1] + "\",\"reach\":" + f[2] + ",\"engagements\":10}")
                    .post("/api/prevention/campaigns/" + campaign + "/reach").then().statusCode(201);
        }
        given().auth().oauth2(Fixtures.role("analyst")).get("/api/prevention/campaigns/" + campaign
                + "/reach-totals").then().statusCode(200).body("size()", equalTo(3))
                .body("find { it.region == 'Oriental' && it.month == '2024-01' }.reach", equalTo(1500))
                .body("find { it.region == 'Oriental' && it.month == '2024-01' }.engagements", equalTo(20))
                .body("find { it.region == 'Oriental' && it.month == '2024-02' }.reach", equalTo(700))
                .body("find { it.region == 'Souss-Massa' }.reach", equalTo(300));
        // campaigns belong to outreach programmes only
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"startsOn\":\"2024-01-01\"}")
                .post("/api/prevention/programmes/" + Fixtures.reconciliationProgramme() + "/campaigns").then()
                .statusCode(422);
    }

    @Test
    void contactsBecomeOverdueAndWithdrawnFollowUpConsentStopsNewProcessing() {
        String code = Fixtures.anyParticipant();
        LocalDate released = LocalDate.now().minusMonths(8);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"releasedOn\":\"" + released + "\",\"institution\":\"Prison locale de Tiflet\"}")
                .post("/api/prevention/participants/" + code + "/releases").then().statusCode(201);
        var followUp = given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code
                + "/follow-up").then().statusCode(200).body("releases[0].contacts.month", equalTo(
                        java.util.List.of(3, 6, 12, 24))).extract();
        String three = followUp.path("releases[0].contacts[0].id");
        String six = followUp.path("releases[0].contacts[1].id");
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/follow-up-contacts/overdue").then()
                .statusCode(200).body("contactId", hasItem(three)).body("contactId", hasItem(six));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"doneOn\":\"" + released.plusMonths(3).plusDays(2) + "\",\"outcome\":\"met\","
                        + "\"note\":\"يعمل في ورشة نجارة\"}")
                .put("/api/prevention/follow-up-contacts/" + three).then().statusCode(200);
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/follow-up-contacts/overdue").then()
                .body("contactId", not(hasItem(three))).body("contactId", hasItem(six));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"" + released.plusMonths(2) + "\"}")
                .post("/api/prevention/participants/" + code + "/milestones").then().statusCode(201);

        String consent = given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code
                + "/consents").then().extract().path("find { it.scope == 'FOLLOW_UP' }.id");
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"withdrawnOn\":\"" + LocalDate.now() + "\"}")
                .post("/api/prevention/participants/" + code + "/consents/" + consent + "/withdrawal").then()
                .statusCode(200);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"kind\":\"HOUSING\",\"achievedOn\":\"" + LocalDate.now() + "\"}")
                .post("/api/prevention/participants/" + code + "/milestones").then().statusCode(409);
        // what the law requires still happens, and the legal basis is on record
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"occurredOn\":\"" + LocalDate.now().minusDays(3) + "\",\"kind\":\"OTHER\"}")
                .post("/api/prevention/participants/" + code + "/reoffences").then().statusCode(409);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"occurredOn\":\"" + LocalDate.now().minusDays(3) + "\",\"kind\":\"OTHER\","
                        + "\"legalBasis\":\"Court judgement notified under art. 60 (fictional)\"}")
                .post("/api/prevention/participants/" + code + "/reoffences").then().statusCode(201);
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/participants/" + code + "/follow-up").then()
                .body("milestones.size()", equalTo(1)).body("reoffences.size()", equalTo(1));
    }
}
