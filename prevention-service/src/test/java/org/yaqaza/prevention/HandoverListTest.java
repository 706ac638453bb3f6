package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code GET /api/prevention/handovers}: every handover one could open by its id, pending or decided. */
@QuarkusTest
class HandoverListTest {

    private static final String LIST = "/api/prevention/handovers";

    private static String preventionSupervisor(String name) {
        return PostgresTestResource.primary().token().subject(name).roles("supervisor").clearance("SECRET")
                .agency("MHAI").sign();
    }

    private static String handover(String token, String code) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"participantCode":"%s","recipientAgency":"DGST","purpose":"Court-ordered risk information",
                         "legalBasis":"Loi 03-03, art. 218-1","summary":"ملخص المتابعة","includeIdentity":false}"""
                        .formatted(code))
                .post(LIST).then().statusCode(201).extract().path("id");
    }

    @Test
    void pendingAndDecidedFiltersAndKeysetPaging() {
        String requester = preventionSupervisor("mhai-supervisor-list-1");
        String pending = handover(requester, Fixtures.anyParticipant());
        String decided = handover(Fixtures.officer(), Fixtures.anyParticipant());
        given().auth().oauth2(requester).contentType(ContentType.JSON)
                .body("{\"decision\":\"DECLINED\",\"reason\":\"no court order attached\"}")
                .post(LIST + "/" + decided + "/decision").then().statusCode(200);

        given().auth().oauth2(requester).get(LIST + "?state=PENDING&limit=500").then().statusCode(200)
                .body("items.id", hasItem(pending)).body("items.id", not(hasItem(decided)))
                .body("items.find { it.id == '" + pending + "' }.requestedBy", equalTo("mhai-supervisor-list-1"))
                .body("items.find { it.id == '" + pending + "' }.participantCode", notNullValue());
        given().auth().oauth2(requester).get(LIST + "?state=DECIDED&limit=500").then().statusCode(200)
                .body("items.id", hasItem(decided)).body("items.id", not(hasItem(pending)))
                .body("items.find { it.id == '" + decided + "' }.status", equalTo("DECLINED"));
        // no filter: both, newest first, one page after the other without a repeat
        List<String> all = new ArrayList<>();
        String cursor = "";
        do {
            var page = given().auth().oauth2(Fixtures.officer()).get(LIST + "?limit=1&cursor=" + cursor).then()
                    .statusCode(200).extract();
            all.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && all.size() < 200);
        assertEquals(all.size(), new HashSet<>(all).size());
        assertTrue(all.indexOf(decided) >= 0 && all.indexOf(pending) > all.indexOf(decided) || all.size() >= 200,
                "newest first");
    }

    @Test
    void theFirewallOfOneHandoverHoldsForTheList() {
        String pending = handover(Fixtures.officer(), Fixtures.anyParticipant());
        for (String other : new String[] { Fixtures.role("analyst"), Fixtures.role("collector"),
                Fixtures.role("liaison-officer"), Fixtures.role("auditor"), Fixtures.role("admin"),
                Fixtures.role("partner"), Fixtures.supervisor("DGST") }) {
            given().auth().oauth2(other).get(LIST).then().statusCode(403);
        }
        given().get(LIST).then().statusCode(401);
        // prevention staff of another agency, or cleared below the participant's marking, see no row of it
        given().auth().oauth2(Fixtures.officer("SECRET", "DGAPR")).get(LIST + "?limit=500").then().statusCode(200)
                .body("items.id", not(hasItem(pending)));
        given().auth().oauth2(Fixtures.officer("RESTRICTED", "MHAI")).get(LIST + "?state=PENDING&limit=500").then()
                .statusCode(200).body("items.id", not(hasItem(pending)));
    }

    @Test
    void badFiltersAre400() {
        for (String query : new String[] { "state=BOGUS", "state=APPROVED", "cursor=junk", "limit=0" }) {
            given().auth().oauth2(Fixtures.officer()).get(LIST + "?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Fixtures.officer("SECRET", "NOBODY")).get(LIST).then().statusCode(200)
                .body("items", empty());
    }
}
