package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Suggested relationships: entities named by the same reports, with evidence and strength computed from what the
 * reader may see; accepted into a relationship or dismissed.
 */
@QuarkusTest
class LinkSuggestionTest {

    private static final String ANALYST = Fixtures.user("suggest-analyst", "analyst", "SECRET");
    private static final String TOP = Fixtures.user("suggest-top", "analyst", "TOP_SECRET", "X");
    private static final String COLLECTOR = Fixtures.user("suggest-collector", "collector", "SECRET");

    private static String person(String name) {
        return Fixtures.createEntity(ANALYST, Fixtures.person(name, "SECRET"));
    }

    /** A report naming {@code entities}, collected on {@code day} of March 2026. */
    private static String reportNaming(String token, String classification, List<String> compartments, int day,
            String... entities) {
        String mentions = "\"mentions\":[\"" + String.join("\",\"", entities) + "\"]";
        return Fixtures.createReport(token, Fixtures.report("لقاء في المقهى", classification, compartments,
                List.of(), mentions).replace("2026-03-01T10:00:00Z", "2026-03-%02dT10:00:00Z".formatted(day)));
    }

    @Test
    void entitiesNamedTogetherAreSuggestedWithTheEvidenceTheReaderMaySee() {
        String a = person("Rachid Lemkhanet");
        String b = person("Omar Bouqentar");
        String r1 = reportNaming(ANALYST, "SECRET", List.of(), 3, a, b);
        String r2 = reportNaming(ANALYST, "SECRET", List.of(), 9, a, b);
        String hidden = reportNaming(TOP, "TOP_SECRET", List.of("X"), 20, a, b);

        given().auth().oauth2(ANALYST).queryParam("entityId", a).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("", hasSize(1)).body("[0].reportCount", equalTo(2))
                .body("[0].reportIds", containsInAnyOrder(r1, r2))
                .body("[0].firstCollectedAt", equalTo("2026-03-03T10:00:00Z"))
                .body("[0].lastCollectedAt", equalTo("2026-03-09T10:00:00Z"))
                .body("[0].strength", equalTo(0.67f));
        // the reader cleared for the third report sees it counted; the other reader saw nothing of it
        given().auth().oauth2(TOP).queryParam("entityId", a).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("[0].reportCount", equalTo(3)).body("[0].reportIds", hasItem(hidden))
                .body("[0].strength", equalTo(0.75f));
    }

    @Test
    void aSuggestionWhoseEvidenceIsHiddenDoesNotExistForTheReader() {
        String c = person("Khalid Ezzerhouni");
        String d = person("Nabil Tazaghart");
        reportNaming(TOP, "TOP_SECRET", List.of("X"), 4, c, d);
        reportNaming(TOP, "TOP_SECRET", List.of("X"), 5, c, d);
        given().auth().oauth2(ANALYST).queryParam("entityId", c).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("", empty());
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"entityA\":\"%s\",\"entityB\":\"%s\"}".formatted(c, d))
                .post("/api/intelligence/suggestions/dismiss").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TOP).queryParam("entityId", c).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("", hasSize(1));
    }

    @Test
    void acceptingMakesARelationshipSupportedByTheVisibleReportsAndDismissingHidesIt() {
        String a = person("Mounir Lahlafi");
        String b = person("Tarik Oubellouch");
        String c = person("Soufiane Ghazzaoui");
        String r1 = reportNaming(ANALYST, "SECRET", List.of(), 6, a, b, c);
        String r2 = reportNaming(ANALYST, "SECRET", List.of(), 7, a, b, c);
        String accept = """
                {"sourceId":"%s","targetId":"%s","type":"ASSOCIATE_OF","confidence":70,"classification":"SECRET"}"""
                .formatted(a, b);
        given().auth().oauth2(COLLECTOR).contentType(ContentType.JSON).body(accept)
                .post("/api/intelligence/suggestions/accept").then().statusCode(403);
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(accept)
                .post("/api/intelligence/suggestions/accept").then().statusCode(201)
                .body("type", equalTo("ASSOCIATE_OF")).body("supportingReportIds", containsInAnyOrder(r1, r2));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"entityA\":\"%s\",\"entityB\":\"%s\"}".formatted(c, a))
                .post("/api/intelligence/suggestions/dismiss").then().statusCode(204);
        // a-b is now a relationship, a-c dismissed: only b-c is left
        given().auth().oauth2(ANALYST).queryParam("entityId", a).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("", empty());
        given().auth().oauth2(ANALYST).queryParam("entityId", c).get("/api/intelligence/suggestions").then()
                .statusCode(200).body("", hasSize(1)).body("[0].reportCount", equalTo(2));
        assertTrue(Fixtures.audit(a).getList("items.action").contains("DISMISS_SUGGESTION"));
        // accepting again: the pair is linked, the suggestion is gone
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(accept)
                .post("/api/intelligence/suggestions/accept").then().statusCode(404);
    }
}
