package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue #16 item 2, what a case view says about records its reader may not see: the lineage (originating partners
 * and TLP) of hidden reports it cites, and the ids its interventions point at (place, dismantled organisation,
 * foiled plot, arrest event). A reader cleared for the case but not for those records must read neither.
 */
@QuarkusTest
class CaseViewSideChannelsTest {

    private static final String OWNER = Fixtures.user("caseview-owner", "analyst", "TOP_SECRET", "X");
    private static final String APPROVER = Fixtures.user("caseview-approver", "supervisor", "TOP_SECRET", "X");
    private static final String READER = Fixtures.user("caseview-reader", "analyst", "SECRET");

    private static String partnerReport(String partner, String tlp, String classification, String compartments) {
        return Fixtures.createReport(OWNER, """
                {"sourceType":"PARTNER","originatorPartner":"%s","tlp":"%s","reliability":"C","credibility":3,
                 "collectedAt":"2026-02-10T08:00:00Z","language":"ar","title":"تقرير الشريك %s",
                 "body":"تحركات مشبوهة قرب الميناء.","classification":"%s","compartments":[%s]}"""
                .formatted(partner, tlp, partner, classification, compartments));
    }

    private static JsonPath caseView(String token, String id) {
        return given().auth().oauth2(token).get("/api/intelligence/cases/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aCaseShowsNeitherTheLineageOfHiddenReportsNorTheIdsOfHiddenRecordsItsInterventionsTouch() {
        String seenReport = partnerReport("es-cni", "GREEN", "RESTRICTED", "");
        String hiddenReport = partnerReport("fr-dgsi", "AMBER", "TOP_SECRET", "\"X\"");
        String caseId = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"title":"ملف الميناء","category":"TERRORISM","classification":"RESTRICTED",
                 "reportIds":["%s","%s"]}""".formatted(hiddenReport, seenReport))
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200);

        String hiddenPlace = Fixtures.createEntity(OWNER, """
                {"kind":"LOCATION","displayName":"مستودع سري","classification":"TOP_SECRET",
                 "compartments":["X"]}""");
        String seenPlace = Fixtures.createEntity(OWNER, """
                {"kind":"LOCATION","displayName":"ميناء الناظور","classification":"RESTRICTED"}""");
        String hiddenCell = Fixtures.createEntity(OWNER, """
                {"kind":"ORGANISATION","displayName":"خلية الميناء","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"TOP_SECRET",
                 "compartments":["X"]}""");
        String hiddenPlot = Fixtures.createEntity(OWNER, """
                {"kind":"EVENT","displayName":"مخطط الميناء","eventType":"PLOT","eventStatus":"PLANNED",
                 "eventDate":"2026-05-01","category":"TERRORISM","classification":"TOP_SECRET",
                 "compartments":["X"]}""");
        Fixtures.approvedIntervention(OWNER, APPROVER, caseId, "2026-03-01", """
                "locationId":"%s","dismantlesOrganisationId":"%s","foilsEventId":"%s\"""".formatted(hiddenPlace,
                hiddenCell, hiddenPlot));
        Fixtures.approvedIntervention(OWNER, APPROVER, caseId, "2026-03-02",
                "\"locationId\":\"%s\"".formatted(seenPlace));

        // who may see everything reads it all: the whole lineage and every id
        JsonPath whole = caseView(OWNER, caseId);
        assertEquals(List.of(Map.of("partner", "es-cni", "tlp", "GREEN"), Map.of("partner", "fr-dgsi", "tlp", "AMBER")),
                whole.getList("lineage"));
        assertEquals(hiddenPlace, whole.getString("interventions[0].locationId"));
        assertEquals(hiddenCell, whole.getString("interventions[0].dismantlesOrganisationId"));
        assertEquals(hiddenPlot, whole.getString("interventions[0].foilsEventId"));

        // the reader: only the seen report's partner; hidden ids are absent, visible ones stay
        JsonPath seen = caseView(READER, caseId);
        assertEquals(List.of(Map.of("partner", "es-cni", "tlp", "GREEN")), seen.getList("lineage"));
        assertEquals(List.of(seenReport), seen.getList("reportIds"));
        assertNull(seen.getString("interventions[0].locationId"));
        assertNull(seen.getString("interventions[0].dismantlesOrganisationId"));
        assertNull(seen.getString("interventions[0].foilsEventId"));
        assertEquals(seenPlace, seen.getString("interventions[1].locationId"));
        String body = given().auth().oauth2(READER).get("/api/intelligence/cases/" + caseId).asString();
        for (String hidden : List.of(hiddenReport, hiddenPlace, hiddenCell, hiddenPlot, "fr-dgsi", "AMBER")) {
            assertEquals(-1, body.indexOf(hidden), hidden + " in " + body);
        }
        // the list shows the same view
        given().auth().oauth2(READER).get("/api/intelligence/cases?limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + caseId + "' }.lineage.partner", contains("es-cni"));
    }
}
