package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.model.Report;
import org.yaqaza.intelligence.repository.ReportRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Who may change a marking, and how: a raise at once, a lowering never by an edit, only through a request decided
 * by a second supervisor of the owning agency; an agency a record is shared with never writes it; a collector
 * edits only their own reports until used; provenance is write-once. Every refusal leaves the row as it was.
 */
@QuarkusTest
class MarkingRulesTest {

    private static final String REPORTS = "/api/intelligence/reports/";
    private static final String REQUESTS = "/api/intelligence/marking-requests";
    private static final String ANALYST = Fixtures.user("mk-analyst", "analyst", "TOP_SECRET", "CT-NORTH",
            "CT-SOUTH");
    private static final String COLLECTOR = Fixtures.user("mk-collector", "collector", "SECRET", "CT-NORTH");
    private static final String SUPERVISOR = Fixtures.user("mk-supervisor", "supervisor", "TOP_SECRET", "CT-NORTH",
            "CT-SOUTH");
    private static final String SECOND_SUPERVISOR = Fixtures.user("mk-supervisor-2", "supervisor", "TOP_SECRET",
            "CT-NORTH", "CT-SOUTH");
    private static final String DGED_ANALYST = Fixtures.userOf("DGED", "mk-dged-analyst", "analyst", "TOP_SECRET",
            "CT-NORTH");
    private static final String DGED_SUPERVISOR = Fixtures.userOf("DGED", "mk-dged-supervisor", "supervisor",
            "TOP_SECRET", "CT-NORTH");
    private static final String NORTH_ONLY = Fixtures.user("mk-north", "analyst", "SECRET", "CT-NORTH");

    @Inject
    ReportRepository reports;

    private static String file(String token, String title, String classification, List<String> compartments,
            List<String> sharedWith) {
        return Fixtures.createReport(token, Fixtures.report(title, classification, compartments, sharedWith, ""));
    }

    private static io.restassured.response.ValidatableResponse put(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(REPORTS + id).then();
    }

    private static JsonPath read(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String request(String token, String objectType, String id, String marking, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"objectType":"%s","objectId":"%s",%s,"reason":"المصدر محمي؛ المحتوى معمم"}"""
                .formatted(objectType, id, marking)).post(REQUESTS).then().statusCode(status).extract()
                .path("id");
    }

    @Test
    void aRaiseThroughAnEditIsAppliedAndAuditedWithTheOldAndNewMarking() {
        String id = file(ANALYST, "رفع التصنيف", "SECRET", List.of("CT-NORTH"), List.of("DGED"));
        put(ANALYST, id, Fixtures.report("رفع التصنيف", "TOP_SECRET", List.of("CT-NORTH", "CT-SOUTH"), List.of(),
                "\"version\":0")).statusCode(200).body("classification", equalTo("TOP_SECRET"))
                .body("compartments", equalTo(List.of("CT-NORTH", "CT-SOUTH"))).body("sharedWith", empty());
        JsonPath audit = Fixtures.audit(id);
        assertTrue(audit.getList("items.action").containsAll(List.of("CREATE", "MARKING_RAISE", "UPDATE")),
                audit.prettify());
        assertEquals("SECRET [CT-NORTH] shared [DGED] -> TOP_SECRET [CT-NORTH, CT-SOUTH] shared []",
                audit.getString("items.find { it.action == 'MARKING_RAISE' }.detail"));
    }

    @Test
    void everyLoweringThroughAnEditIsRefusedAndTheRowIsUnchanged() {
        String id = file(ANALYST, "تقرير أصلي", "SECRET", List.of("CT-NORTH"), List.of("DGED"));
        Map<String, String> lowerings = Map.of(
                "classification", Fixtures.report("x", "CONFIDENTIAL", List.of("CT-NORTH"), List.of("DGED"), "\"version\":0"),
                "compartments", Fixtures.report("x", "SECRET", List.of(), List.of("DGED"), "\"version\":0"),
                "sharedWith", Fixtures.report("x", "SECRET", List.of("CT-NORTH"), List.of("DGED", "MHAI"),
                        "\"version\":0"),
                // higher in two respects, wider in one: still a lowering
                "mixed", Fixtures.report("x", "TOP_SECRET", List.of("CT-NORTH", "CT-SOUTH"), List.of("DGED", "DGSN"),
                        "\"version\":0"));
        lowerings.forEach((what, body) -> put(ANALYST, id, body).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:downgrade-required"))
                .body("detail", containsString("POST /api/intelligence/marking-requests"))
                .body("errors.field", hasItem(what.equals("mixed") ? "sharedWith" : what)));
        JsonPath after = read(ANALYST, REPORTS + id);
        assertEquals(0, after.getInt("version"));
        assertEquals("تقرير أصلي", after.getString("title"));
        assertEquals("SECRET", after.getString("classification"));
        assertEquals(List.of("CT-NORTH"), after.getList("compartments"));
        assertEquals(List.of("DGED"), after.getList("sharedWith"));
    }

    @Test
    void anAgencyTheRecordIsSharedWithReadsItButNeverWritesIt() {
        String id = file(ANALYST, "تقرير مشترك", "SECRET", List.of("CT-NORTH"), List.of("DGED"));
        read(DGED_ANALYST, REPORTS + id);
        put(DGED_ANALYST, id, Fixtures.report("تعديل خارجي", "SECRET", List.of("CT-NORTH"), List.of("DGED"),
                "\"version\":0")).statusCode(403).body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        String entity = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Rachid Partagé","classification":"SECRET","sharedWith":["DGED"]}""");
        given().auth().oauth2(DGED_ANALYST).contentType(ContentType.JSON).body("{\"entityIds\":[\"" + entity + "\"]}")
                .post(REPORTS + id + "/mentions").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        given().auth().oauth2(DGED_ANALYST).contentType(ContentType.JSON).header("If-Match", "0").body("""
                {"kind":"PERSON","displayName":"Rachid Renommé","classification":"SECRET","sharedWith":["DGED"]}""")
                .put("/api/intelligence/entities/" + entity).then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        // nor may it ask for another marking: marking and sharing are the owner's
        request(DGED_ANALYST, "report", id, "\"classification\":\"SECRET\",\"compartments\":[\"CT-NORTH\"],"
                + "\"sharedWith\":[\"DGED\",\"MHAI\"]", 403);
        given().auth().oauth2(DGED_ANALYST).contentType(ContentType.JSON).body("""
                {"objectType":"report","objectId":"%s","classification":"TOP_SECRET","compartments":["CT-NORTH"],
                 "sharedWith":["DGED"],"reason":"r"}""".formatted(id)).post(REQUESTS).then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:marking-owner-only"));
        JsonPath after = read(ANALYST, REPORTS + id);
        assertEquals(0, after.getInt("version"));
        assertEquals("تقرير مشترك", after.getString("title"));
        assertEquals(List.of(), given().auth().oauth2(ANALYST).get(REPORTS + id + "/mentions").then().extract()
                .jsonPath().getList("id"));
        assertEquals("Rachid Partagé", read(ANALYST, "/api/intelligence/entities/" + entity)
                .getString("displayName"));
    }

    @Test
    void decisionsOnARecordBelongToItsOwningAgencyToo() {
        String subject = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Youssef Évalué","classification":"SECRET","sharedWith":["DGED"]}""");
        String assessment = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"SEVERE","category":"TERRORISM","rationale":"اتصالات متكررة",
                 "nextReview":"2030-01-01","classification":"SECRET","sharedWith":["DGED"]}""".formatted(subject))
                .post("/api/intelligence/assessments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DGED_SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post("/api/intelligence/assessments/" + assessment + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        String caseId = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Opération Partagée","category":"TERRORISM","classification":"SECRET","sharedWith":["DGED"]}""")
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DGED_ANALYST).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        assertEquals("PENDING_APPROVAL", read(ANALYST, "/api/intelligence/assessments/" + assessment)
                .getString("status"));
        assertEquals("OPEN", read(ANALYST, "/api/intelligence/cases/" + caseId).getString("status"));
    }

    @Test
    void aCollectorEditsOnlyTheirOwnReportsAndOnlyUntilSomeoneUsesThem() {
        String own = file(COLLECTOR, "ملاحظة ميدانية", "SECRET", List.of("CT-NORTH"), List.of());
        put(COLLECTOR, own, Fixtures.report("ملاحظة ميدانية مصححة", "SECRET", List.of("CT-NORTH"), List.of(),
                "\"version\":0")).statusCode(200).body("version", equalTo(1));
        // the collector's own lowering is still a downgrade request
        put(COLLECTOR, own, Fixtures.report("x", "RESTRICTED", List.of(), List.of(), "\"version\":1"))
                .statusCode(422).body("type", equalTo("urn:yaqaza:problem:downgrade-required"));

        String analysts = file(ANALYST, "تقرير المحلل", "SECRET", List.of("CT-NORTH"), List.of());
        put(COLLECTOR, analysts, Fixtures.report("x", "SECRET", List.of("CT-NORTH"), List.of(), "\"version\":0"))
                .statusCode(403).body("type", equalTo("urn:yaqaza:problem:collector-edit-window"));

        // an analyst builds a product on it: the collector's window closes, the analyst may still correct it
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Synthèse","summary":"ملخص","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"SECRET","compartments":["CT-NORTH"]}""".formatted(own))
                .post("/api/intelligence/products").then().statusCode(201);
        put(COLLECTOR, own, Fixtures.report("تعديل متأخر", "SECRET", List.of("CT-NORTH"), List.of(), "\"version\":1"))
                .statusCode(403).body("type", equalTo("urn:yaqaza:problem:collector-edit-window"))
                .body("detail", containsString("used"));
        assertEquals("ملاحظة ميدانية مصححة", read(ANALYST, REPORTS + own).getString("title"));
        put(ANALYST, own, Fixtures.report("تصحيح المحلل", "SECRET", List.of("CT-NORTH"), List.of(), "\"version\":1"))
                .statusCode(200);

        // someone else's mention uses a report as well; the collector's own mentions do not
        String second = file(COLLECTOR, "ملاحظة ثانية", "SECRET", List.of("CT-NORTH"), List.of());
        String person = Fixtures.createEntity(ANALYST, Fixtures.person("Anas Mentionné", "SECRET"));
        given().auth().oauth2(COLLECTOR).contentType(ContentType.JSON).body("{\"entityIds\":[\"" + person + "\"]}")
                .post(REPORTS + second + "/mentions").then().statusCode(200);
        put(COLLECTOR, second, Fixtures.report("ملاحظة ثانية", "SECRET", List.of("CT-NORTH"), List.of(),
                "\"version\":0")).statusCode(200);
        String other = Fixtures.createEntity(ANALYST, Fixtures.person("Bilal Mentionné", "SECRET"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("{\"entityIds\":[\"" + other + "\"]}")
                .post(REPORTS + second + "/mentions").then().statusCode(200);
        put(COLLECTOR, second, Fixtures.report("x", "SECRET", List.of("CT-NORTH"), List.of(), "\"version\":1"))
                .statusCode(403).body("type", equalTo("urn:yaqaza:problem:collector-edit-window"));
    }

    @Test
    void provenanceIsWriteOnceAndLeftOutKeepsItsValue() {
        String id = Fixtures.createReport(ANALYST, Fixtures.report("تقرير شريك", "SECRET", List.of(), List.of(),
                "\"sourceType\":\"PARTNER\",\"originatorPartner\":\"be-vsse\",\"tlp\":\"AMBER+STRICT\"")
                .replace("\"sourceType\":\"HUMINT\",", ""));
        for (String change : List.of("\"sourceType\":\"HUMINT\"", "\"originatorPartner\":\"fr-dgsi\"",
                "\"tlp\":\"CLEAR\"", "\"sourceType\":\"PARTNER\",\"originatorPartner\":\"fr-dgsi\"")) {
            put(ANALYST, id, Fixtures.report("تقرير شريك", "SECRET", List.of(), List.of(), "\"version\":0," + change)
                    .replace("\"sourceType\":\"HUMINT\",\"reliability\"", "\"reliability\"")).statusCode(422)
                    .body("type", equalTo("urn:yaqaza:problem:provenance-immutable"));
        }
        put(ANALYST, id, Fixtures.report("تقرير شريك مصحح", "SECRET", List.of(), List.of(), "\"version\":0")
                .replace("\"sourceType\":\"HUMINT\",", "")).statusCode(200)
                .body("sourceType", equalTo("PARTNER")).body("originatorPartner", equalTo("be-vsse"))
                .body("tlp", equalTo("AMBER+STRICT")).body("title", equalTo("تقرير شريك مصحح"));
        // repeating the same provenance is no change
        put(ANALYST, id, Fixtures.report("تقرير شريك", "SECRET", List.of(), List.of(),
                "\"version\":1,\"originatorPartner\":\"be-vsse\",\"tlp\":\"AMBER+STRICT\"")
                .replace("HUMINT", "PARTNER")).statusCode(200);
    }

    @Test
    void aStaleRequestAppliesNothingAndSaysSo() {
        String id = file(ANALYST, "تقرير يتغير", "SECRET", List.of("CT-NORTH"), List.of());
        String request = request(ANALYST, "report", id,
                "\"classification\":\"RESTRICTED\",\"compartments\":[],\"sharedWith\":[]", 201);
        put(ANALYST, id, Fixtures.report("تقرير تغير", "SECRET", List.of("CT-NORTH"), List.of(), "\"version\":0"))
                .statusCode(200);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post(REQUESTS + "/" + request + "/approve").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:marking-request-stale"));
        assertEquals("STALE", read(ANALYST, REQUESTS + "/" + request).getString("status"));
        assertEquals("SECRET", read(ANALYST, REPORTS + id).getString("classification"));
        // asked again on the current version, it goes through
        String again = request(ANALYST, "report", id,
                "\"classification\":\"RESTRICTED\",\"compartments\":[],\"sharedWith\":[],\"recordVersion\":1", 201);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"note\":\"موافق\"}")
                .post(REQUESTS + "/" + again + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decisionNote", equalTo("موافق"));
        assertEquals("RESTRICTED", read(ANALYST, REPORTS + id).getString("classification"));
    }

    @Test
    void onePendingRequestPerRecordWithdrawnByItsAuthorOrRejected() {
        String id = file(ANALYST, "طلب واحد", "SECRET", List.of("CT-NORTH"), List.of());
        String lower = "\"classification\":\"CONFIDENTIAL\",\"compartments\":[\"CT-NORTH\"],\"sharedWith\":[]";
        String first = request(ANALYST, "report", id, lower, 201);
        request(SUPERVISOR, "report", id, lower, 409);
        given().auth().oauth2(SUPERVISOR).post(REQUESTS + "/" + first + "/withdraw").then().statusCode(403);
        given().auth().oauth2(ANALYST).post(REQUESTS + "/" + first + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        String second = request(ANALYST, "report", id, lower, 201);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body("{\"note\":\"المصدر لا يزال نشطا\"}")
                .post(REQUESTS + "/" + second + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(SECOND_SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .post(REQUESTS + "/" + second + "/approve").then().statusCode(409);
        assertEquals("SECRET", read(ANALYST, REPORTS + id).getString("classification"));
        JsonPath listed = given().auth().oauth2(ANALYST).queryParam("objectId", id).get(REQUESTS).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(second, first), listed.getList("items.id"));
        assertEquals(List.of("REJECTED", "WITHDRAWN"), listed.getList("items.status"));
        assertEquals(List.of(second), given().auth().oauth2(ANALYST).queryParam("objectId", id)
                .queryParam("status", "REJECTED").get(REQUESTS).then().extract().jsonPath().getList("items.id"));
        JsonPath audit = Fixtures.audit(first);
        assertEquals(List.of("MARKING_REQUEST", "MARKING_REQUEST_WITHDRAW"),
                audit.getList("items.findAll { it.action != 'READ' }.action"));
        assertEquals("report " + id + ": SECRET [CT-NORTH] shared [] -> CONFIDENTIAL [CT-NORTH] shared [] (PENDING)",
                audit.getString("items.find { it.action == 'MARKING_REQUEST' }.detail"));
    }

    @Test
    void recordsWithoutAnEditAreRaisedAtOnceByARequestAndLoweredOnlyByADecision() {
        String source = file(ANALYST, "مصدر المنتوج", "SECRET", List.of(), List.of());
        String product = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Produit","summary":"ملخص","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"RESTRICTED","sharedWith":["DGED"]}""".formatted(source))
                .post("/api/intelligence/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"objectType":"product","objectId":"%s","classification":"CONFIDENTIAL","sharedWith":["DGED"],
                 "reason":"تصنيف أدنى من اللازم"}""".formatted(product)).post(REQUESTS).then().statusCode(201)
                .body("status", equalTo("APPLIED")).body("from.classification", equalTo("RESTRICTED"))
                .body("to.classification", equalTo("CONFIDENTIAL"));
        assertEquals("CONFIDENTIAL", read(ANALYST, "/api/intelligence/products/" + product)
                .getString("classification"));
        String lowering = request(ANALYST, "product", product,
                "\"classification\":\"RESTRICTED\",\"sharedWith\":[\"DGED\"]", 201);
        assertEquals("PENDING", read(ANALYST, REQUESTS + "/" + lowering).getString("status"));
        assertEquals("CONFIDENTIAL", read(ANALYST, "/api/intelligence/products/" + product)
                .getString("classification"));
        assertTrue(Fixtures.audit(product).getList("items.action").contains("MARKING_RAISE"));
    }

    @Test
    void whoCannotSeeTheRecordCannotSeeItsRequestsEvenAfterARaise() {
        String id = file(ANALYST, "طلب محمي", "SECRET", List.of("CT-NORTH"), List.of());
        String request = request(ANALYST, "report", id,
                "\"classification\":\"CONFIDENTIAL\",\"compartments\":[\"CT-NORTH\"],\"sharedWith\":[]", 201);
        read(NORTH_ONLY, REQUESTS + "/" + request);
        // the record goes up: its requests go up with it
        put(ANALYST, id, Fixtures.report("طلب محمي", "TOP_SECRET", List.of("CT-NORTH", "CT-SOUTH"), List.of(),
                "\"version\":0")).statusCode(200);
        given().auth().oauth2(NORTH_ONLY).get(REQUESTS + "/" + request).then().statusCode(404);
        given().auth().oauth2(NORTH_ONLY).queryParam("objectId", id).get(REQUESTS).then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(ANALYST).get(REQUESTS + "/" + request).then().statusCode(200)
                .body("classification", equalTo("TOP_SECRET")).body("compartments", hasItems("CT-NORTH", "CT-SOUTH"));
    }

    @Test
    void theMarkingRequestApiRefusesWhatItCannotDo() {
        String id = file(ANALYST, "طلبات خاطئة", "SECRET", List.of("CT-NORTH"), List.of());
        String liaison = Fixtures.user("mk-liaison", "liaison-officer", "SECRET", "CT-NORTH");
        given().auth().oauth2(liaison).get(REQUESTS).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"objectType":"programme","objectId":"%s","classification":"SECRET","reason":"r"}""".formatted(id))
                .post(REQUESTS).then().statusCode(422).body("errors.field", hasItem("objectType"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"objectType":"report","objectId":"%s","classification":"SECRET"}""".formatted(id))
                .post(REQUESTS).then().statusCode(400).body("errors.field", hasItem("reason"));
        request(ANALYST, "report", id, "\"classification\":\"SECRET\",\"compartments\":[\"CT-NORTH\"]", 422);
        request(ANALYST, "report", UUID.randomUUID().toString(), "\"classification\":\"SECRET\"", 404);
        // a marking the requester could not see
        request(NORTH_ONLY, "report", file(NORTH_ONLY, "x", "SECRET", List.of("CT-NORTH"), List.of()),
                "\"classification\":\"SECRET\",\"compartments\":[\"CT-SOUTH\"]", 422);
        given().auth().oauth2(ANALYST).queryParam("status", "MAYBE").get(REQUESTS).then().statusCode(400);
        given().auth().oauth2(ANALYST).queryParam("objectId", "not-a-uuid").get(REQUESTS).then().statusCode(400);
        given().auth().oauth2(ANALYST).get(REQUESTS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void entitiesFollowTheSameMarkingRules() {
        String id = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Omar Marqué","classification":"SECRET","compartments":["CT-NORTH"]}""");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "0").body("""
                {"kind":"PERSON","displayName":"Omar Marqué","classification":"UNCLASSIFIED"}""")
                .put("/api/intelligence/entities/" + id).then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:problem:downgrade-required"))
                .body("errors.field", hasItems("classification", "compartments"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "0").body("""
                {"kind":"PERSON","displayName":"Omar Marqué","classification":"TOP_SECRET",
                 "compartments":["CT-NORTH"]}""")
                .put("/api/intelligence/entities/" + id).then().statusCode(200)
                .body("classification", equalTo("TOP_SECRET"));
        assertEquals("SECRET [CT-NORTH] shared [] -> TOP_SECRET [CT-NORTH] shared []",
                Fixtures.audit(id).getString("items.find { it.action == 'MARKING_RAISE' }.detail"));
    }

    @Test
    void aMarkingSetAnyOtherWayNeverReachesTheDatabase() {
        String id = file(ANALYST, "حارس", "SECRET", List.of("CT-NORTH"), List.of());
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    Report report = reports.findById(UUID.fromString(id));
                    report.classification = org.yaqaza.common.security.Classification.UNCLASSIFIED;
                    report.sharedWith = new String[] { "MHAI" };
                    reports.flush();
                }));
        assertTrue(causes(refused).contains("changed outside MarkingAuthority"), causes(refused));
        RuntimeException owner = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    reports.findById(UUID.fromString(id)).ownerAgency = "DGED";
                    reports.flush();
                }));
        assertTrue(causes(owner).contains("never changes"), causes(owner));
        JsonPath after = read(ANALYST, REPORTS + id);
        assertEquals("SECRET", after.getString("classification"));
        assertEquals("DGST", after.getString("ownerAgency"));
        assertEquals(List.of(), after.getList("sharedWith"));
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
