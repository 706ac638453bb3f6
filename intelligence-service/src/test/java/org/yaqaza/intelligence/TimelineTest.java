package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An entity's timeline: every kind of item in time order, hidden items absent, paging stable, bad input 4xx. */
@QuarkusTest
class TimelineTest {

    private static final String OWNER = Fixtures.user("timeline-owner", "analyst", "TOP_SECRET", "X");
    private static final String READER = Fixtures.user("timeline-reader", "analyst", "SECRET");
    private static final String SUPERVISOR = Fixtures.user("timeline-supervisor", "supervisor", "TOP_SECRET", "X");

    @Test
    void itemsOfEveryKindComeInTimeOrderAndHiddenOnesAreAbsent() {
        String person = Fixtures.createEntity(OWNER, Fixtures.person("مراد الخطابي", "SECRET"));
        String early = report(person, "2021-03-01T08:00:00Z", "رصد أول", "SECRET");
        String hiddenReport = report(person, "2022-01-01T08:00:00Z", "Rapport caché", "TOP_SECRET", "X");
        String late = report(person, "2023-06-01T08:00:00Z", "Second sighting", "SECRET");
        String plot = event("مخطط محبط", "2022-06-15", "SECRET");
        Fixtures.relate(OWNER, person, plot, "ASSOCIATE_OF", "SECRET");
        String hiddenEvent = event("Événement caché", "2022-07-01", "TOP_SECRET", "X");
        Fixtures.relate(OWNER, person, hiddenEvent, "ASSOCIATE_OF", "SECRET");
        String eventBehindHiddenLink = event("Lien caché", "2022-08-01", "SECRET");
        Fixtures.relate(OWNER, eventBehindHiddenLink, person, "ASSOCIATE_OF", "TOP_SECRET", "X");
        String caseId = caseOf(person, "Opération Chronologie", "SECRET");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body("{\"to\":\"UNDER_SURVEILLANCE\",\"effectiveDate\":\"2024-01-10\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200);
        String intervention = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"date":"2024-02-01","place":"الناظور","arrests":2,"seizures":["هواتف"]}""")
                .post("/api/intelligence/cases/" + caseId + "/interventions").then().statusCode(201)
                .extract().path("interventions[0].id");
        String assessment = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"SEVERE","category":"TERRORISM","rationale":"اتصالات متكررة",
                 "nextReview":"2030-01-01","classification":"SECRET"}""".formatted(person))
                .post("/api/intelligence/assessments").then().statusCode(201).extract().path("id");
        String hiddenCase = caseOf(person, "Opération Cachée", "TOP_SECRET", "X");

        JsonPath seen = timeline(READER, person, "?limit=500").extract().jsonPath();
        assertEquals(List.of("REPORT", "EVENT", "REPORT", "CASE_TRANSITION", "INTERVENTION", "CASE", "ASSESSMENT"),
                seen.getList("items.type"));
        assertEquals(List.of(early, plot, late, caseId, intervention, caseId, assessment), seen.getList("items.id"));
        assertEquals(List.of("2021-03-01T08:00:00Z", "2022-06-15T00:00:00Z", "2023-06-01T08:00:00Z",
                "2024-01-10T00:00:00Z", "2024-02-01T00:00:00Z"), seen.getList("items.at").subList(0, 5));
        assertEquals(List.of("INSTANT", "DAY", "INSTANT", "DAY", "DAY", "INSTANT", "INSTANT"),
                seen.getList("items.precision"));
        assertEquals("رصد أول", seen.getString("items[0].title"));
        assertEquals("HUMINT B2", seen.getString("items[0].detail"));
        assertEquals("PLOT PLANNED", seen.getString("items[1].detail"));
        assertEquals("OPEN → UNDER_SURVEILLANCE", seen.getString("items[3].detail"));
        assertEquals(caseId, seen.getString("items[4].caseId"));
        assertEquals("Threat level SEVERE", seen.getString("items[6].title"));

        // the owner sees the hidden report, both hidden events and the hidden case as well
        List<String> all = timeline(OWNER, person, "?limit=500").extract().jsonPath().getList("items.id");
        assertTrue(all.containsAll(List.of(hiddenReport, hiddenEvent, eventBehindHiddenLink, hiddenCase)), all
                .toString());
        List<String> visibleOnly = new ArrayList<>(all);
        visibleOnly.removeAll(List.of(hiddenReport, hiddenEvent, eventBehindHiddenLink, hiddenCase));
        assertEquals(seen.getList("items.id"), visibleOnly);

        // pages of two walk the same sequence; newest first is its reverse
        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = timeline(READER, person, "?limit=2&cursor=" + cursor).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(seen.getList("items.id"), paged);
        List<String> reversed = new ArrayList<>(seen.getList("items.id"));
        Collections.reverse(reversed);
        assertEquals(reversed, timeline(READER, person, "?order=desc").extract().jsonPath().getList("items.id"));
    }

    @Test
    void anOrganisationsLifeCycleIsOnItsTimeline() {
        String cell = Fixtures.createEntity(OWNER, """
                {"kind":"ORGANISATION","displayName":"خلية الزمن","organisationKind":"CELL",
                 "organisationStatus":"SUSPECTED","statusSince":"2019-01-01","classification":"SECRET"}""");
        given().auth().oauth2(OWNER).contentType(ContentType.JSON)
                .body("{\"status\":\"ACTIVE\",\"effectiveDate\":\"2020-05-01\"}")
                .post("/api/intelligence/entities/" + cell + "/status").then().statusCode(200);
        timeline(READER, cell, "").body("items.type", contains("STATUS_CHANGE", "STATUS_CHANGE"))
                .body("items[0].at", equalTo("2019-01-01T00:00:00Z")).body("items[0].title", equalTo("SUSPECTED"))
                .body("items[1].at", equalTo("2020-05-01T00:00:00Z"))
                .body("items[1].detail", equalTo("SUSPECTED → ACTIVE")).body("items.id", hasItem(cell));
    }

    @Test
    void aHiddenEntityAnswersLikeAMissingOneAndBadInputIsA400() {
        String hidden = Fixtures.createEntity(OWNER, Fixtures.person("Personne Cachée", "TOP_SECRET", "X"));
        String missing = UUID.randomUUID().toString();
        JsonPath a = timeline(READER, hidden, "", 404).contentType("application/problem+json").extract().jsonPath();
        JsonPath b = timeline(READER, missing, "", 404).extract().jsonPath();
        assertEquals(b.getString("detail").replace(missing, "?"), a.getString("detail").replace(hidden, "?"));
        timeline(SUPERVISOR, hidden, "").body("items", org.hamcrest.Matchers.empty());

        String visible = Fixtures.createEntity(OWNER, Fixtures.person("Personne Visible", "SECRET"));
        for (String query : List.of("?order=sideways", "?limit=0", "?limit=501", "?limit=many", "?cursor=garbage")) {
            timeline(READER, visible, query, 400).contentType("application/problem+json");
        }
        given().auth().oauth2(Fixtures.user("timeline-collector", "collector", "SECRET"))
                .get("/api/intelligence/entities/" + visible + "/timeline").then().statusCode(403);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static io.restassured.response.ValidatableResponse timeline(String token, String entity, String query) {
        return timeline(token, entity, query, 200);
    }

    private static io.restassured.response.ValidatableResponse timeline(String token, String entity, String query,
            int status) {
        return given().auth().oauth2(token).get("/api/intelligence/entities/" + entity + "/timeline" + query)
                .then().statusCode(status);
    }

    private static String report(String entity, String collectedAt, String title, String classification,
            String... compartments) {
        String body = Fixtures.report("HUMINT", "B", 2, collectedAt, "ar", title, "نص التقرير", classification,
                compartments);
        return Fixtures.createReport(OWNER, body.substring(0, body.lastIndexOf('}')) + ",\"mentions\":[\"" + entity
                + "\"]}");
    }

    private static String event(String name, String date, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return Fixtures.createEntity(OWNER, """
                {"kind":"EVENT","displayName":"%s","eventType":"PLOT","eventStatus":"PLANNED","eventDate":"%s",
                 "classification":"%s","compartments":[%s]}""".formatted(name, date, classification, comps));
    }

    private static String caseOf(String entity, String title, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return given().auth().oauth2(OWNER).contentType(ContentType.JSON).body("""
                {"title":"%s","category":"TERRORISM","entityIds":["%s"],"classification":"%s",
                 "compartments":[%s]}""".formatted(title, entity, classification, comps))
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
    }
}
