package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15's two write-side attacks, replayed against the service with the demo users' roles, clearances and
 * agencies, and the legitimate path beside them: each attack is refused and leaves the row as it was.
 */
@QuarkusTest
class WriteSideReplayTest {

    private static final String REPORTS = "/api/intelligence/reports/";
    private static final String REQUESTS = "/api/intelligence/marking-requests/";
    private static final String FOUR_EYES = "urn:yaqaza:problem:four-eyes";
    private static final String ANALYST = Fixtures.user("replay-analyst", "analyst", "TOP_SECRET", "CT-NORTH",
            "CT-SOUTH");
    private static final String COLLECTOR = Fixtures.user("replay-collector", "collector", "SECRET", "CT-NORTH");
    private static final String SUPERVISOR = Fixtures.user("replay-supervisor", "supervisor", "TOP_SECRET",
            "CT-NORTH", "CT-SOUTH", "CYBER");
    private static final String SECOND_SUPERVISOR = Fixtures.user("replay-supervisor-2", "supervisor",
            "TOP_SECRET", "CT-NORTH", "CT-SOUTH");
    private static final String DGED_SUPERVISOR = Fixtures.userOf("DGED", "replay-dged-supervisor", "supervisor",
            "TOP_SECRET", "CT-NORTH");
    private static final String MHAI_ANALYST = Fixtures.userOf("MHAI", "replay-mhai", "analyst", "SECRET");
    private static final String LIAISON_SERVICE = PostgresTestResource.primary().token().subject("liaison-service")
            .roles("service").clearance("TOP_SECRET").agency("DGST").sign();

    private static final String DECLASSIFIED = "\"classification\":\"UNCLASSIFIED\",\"compartments\":[],"
            + "\"sharedWith\":[\"DGED\",\"MHAI\"]";

    private static JsonPath read(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static void assertUnchanged(String id, String title, List<String> sharedWith) {
        JsonPath row = read(ANALYST, REPORTS + id);
        assertEquals(0, row.getInt("version"));
        assertEquals(title, row.getString("title"));
        assertEquals("SECRET", row.getString("classification"));
        assertEquals(List.of("CT-NORTH"), row.getList("compartments"));
        assertEquals(sharedWith, row.getList("sharedWith"));
    }

    @Test
    void aCollectorWhoSeesAnAnalystsSecretReportCannotDeclassifyOrShareIt() {
        String title = "تحركات عنصر من خلية الشمال";
        String id = Fixtures.createReport(ANALYST, Fixtures.report(title, "SECRET", List.of("CT-NORTH"), List.of(),
                ""));
        read(COLLECTOR, REPORTS + id);
        given().auth().oauth2(COLLECTOR).contentType(ContentType.JSON)
                .body(Fixtures.report(title, "UNCLASSIFIED", List.of(), List.of("DGED", "MHAI"), "\"version\":0"))
                .put(REPORTS + id).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:collector-edit-window"));
        assertUnchanged(id, title, List.of());
        given().auth().oauth2(MHAI_ANALYST).get(REPORTS + id).then().statusCode(404);
        // not even the analyst who wrote it declassifies it with an edit
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body(Fixtures.report(title, "UNCLASSIFIED", List.of(), List.of("DGED", "MHAI"), "\"version\":0"))
                .put(REPORTS + id).then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:problem:downgrade-required"));
        assertUnchanged(id, title, List.of());
    }

    @Test
    void anAnalystCannotRewriteAPartnerReportsProvenance() {
        String body = """
                {"sourceType":"PARTNER","originatorPartner":"be-vsse","tlp":"AMBER","submissionId":"%s",
                 "reliability":"B","credibility":2,"collectedAt":"2026-03-01T10:00:00Z","language":"fr",
                 "title":"Signalement VSSE","body":"Déplacement vers Anvers signalé par le partenaire.",
                 "classification":"SECRET","compartments":[]}"""
                .formatted(java.util.UUID.randomUUID());
        String id = Fixtures.createReport(LIAISON_SERVICE, body);
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"sourceType":"HUMINT","reliability":"B","credibility":2,"collectedAt":"2026-03-01T10:00:00Z",
                 "language":"fr","title":"Signalement VSSE","body":"Déplacement vers Anvers.",
                 "classification":"SECRET","compartments":[],"version":0}""")
                .put(REPORTS + id).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:provenance-immutable"))
                .body("errors[0].field", equalTo("sourceType"));
        JsonPath row = read(ANALYST, REPORTS + id);
        assertEquals(0, row.getInt("version"));
        assertEquals("PARTNER", row.getString("sourceType"));
        assertEquals("be-vsse", row.getString("originatorPartner"));
        assertEquals("AMBER", row.getString("tlp"));
        assertEquals("Déplacement vers Anvers signalé par le partenaire.", row.getString("body"));
        // a product built from it still carries the partner, so the third-party and TLP rules still apply
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Produit","summary":"Résumé","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"RESTRICTED"}""".formatted(id)).post("/api/intelligence/products").then()
                .statusCode(201).body("originatorPartners", equalTo(List.of("be-vsse")))
                .body("lineage[0].partner", equalTo("be-vsse")).body("lineage[0].tlp", equalTo("AMBER"));
    }

    @Test
    void aDowngradeAskedForByTheAuthorIsAppliedOnceASecondSupervisorOfTheOwningAgencyApproves() {
        String title = "تقرير قابل للتعميم";
        String id = Fixtures.createReport(ANALYST, Fixtures.report(title, "SECRET", List.of("CT-NORTH"),
                List.of("DGED"), ""));
        // a supervisor who asks cannot decide their own request
        String own = given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("""
                {"objectType":"report","objectId":"%s",%s,"reason":"طلب المشرف"}""".formatted(id, DECLASSIFIED))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{}").post(REQUESTS + own + "/approve")
                .then().statusCode(403).body("type", equalTo(FOUR_EYES))
                .body("detail", containsString("requested"));
        given().auth().oauth2(SUPERVISOR).post(REQUESTS + own + "/withdraw").then().statusCode(200);

        JsonPath requested = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"objectType":"report","objectId":"%s",%s,
                 "reason":"المصدر لم يعد في خطر؛ يمكن تعميم المعلومة على الشركاء الوطنيين"}"""
                .formatted(id, DECLASSIFIED)).post(REQUESTS).then().statusCode(201)
                .body("status", equalTo("PENDING")).extract().jsonPath();
        String request = requested.getString("id");
        assertUnchanged(id, title, List.of("DGED"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{}").post(REQUESTS + request + "/approve")
                .then().statusCode(403).body("type", equalTo(FOUR_EYES));
        given().auth().oauth2(DGED_SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post(REQUESTS + request + "/approve").then().statusCode(403).body("type", equalTo(FOUR_EYES))
                .body("detail", containsString("supervisor of DGST"));
        assertUnchanged(id, title, List.of("DGED"));

        given().auth().oauth2(SECOND_SUPERVISOR).contentType(ContentType.JSON).body("{\"note\":\"موافق\"}")
                .post(REQUESTS + request + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("replay-supervisor-2")).body("requestedBy", equalTo("replay-analyst"));
        JsonPath row = read(MHAI_ANALYST, REPORTS + id);
        assertEquals("UNCLASSIFIED", row.getString("classification"));
        assertEquals(List.of(), row.getList("compartments"));
        assertEquals(List.of("DGED", "MHAI"), row.getList("sharedWith"));
        assertEquals(1, row.getInt("version"));

        String change = "SECRET [CT-NORTH] shared [DGED] -> UNCLASSIFIED [] shared [DGED, MHAI]";
        assertEquals(change + " (request " + request + ")", Fixtures.audit(id)
                .getString("items.find { it.action == 'MARKING_DOWNGRADE' }.detail"));
        JsonPath trail = Fixtures.audit(request);
        assertEquals(List.of("MARKING_REQUEST", "MARKING_REQUEST_APPROVE"),
                trail.getList("items.findAll { it.action != 'READ' }.action"));
        assertTrue(trail.getString("items.find { it.action == 'MARKING_REQUEST_APPROVE' }.detail")
                .contains(change), trail.prettify());
        String auditor = PostgresTestResource.primary().token().subject("replay-auditor").roles("auditor").sign();
        given().auth().oauth2(auditor).get("/api/intelligence/audit/verify").then().statusCode(200)
                .body("status", equalTo("valid"));
    }
}
