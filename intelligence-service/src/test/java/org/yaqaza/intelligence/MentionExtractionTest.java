package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.intelligence.extraction.ExtractionWorker;
import org.yaqaza.intelligence.extraction.NameKeys;
import org.yaqaza.intelligence.screening.NameNormaliser;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Mention extraction end to end: reports filed one by one, in bulk, in Arabic and French, are stored and
 * acknowledged first, then the workers propose the spans naming known entities, which an analyst confirms (a
 * mention) or rejects; hidden entities are never proposed to an author, nor shown to a reader, who may not see them.
 */
@QuarkusTest
class MentionExtractionTest {

    private static final String ANALYST = Fixtures.user("extraction-analyst", "analyst", "SECRET");
    private static final String TOP = Fixtures.user("extraction-top", "analyst", "TOP_SECRET", "X");

    @Inject
    ExtractionWorker worker;

    @Inject
    Sql sql;

    private static String person(String token, String classification, String compartment, String... names) {
        String list = String.join(",", java.util.Arrays.stream(names)
                .map(n -> "{\"name\":\"" + Fixtures.json(n) + "\"}").toList());
        return Fixtures.createEntity(token, """
                {"kind":"PERSON","displayName":"%s","names":[%s],"classification":"%s","compartments":[%s]}"""
                .formatted(Fixtures.json(names[0]), list, classification,
                        compartment == null ? "" : "\"" + compartment + "\""));
    }

    private static String report(String token, String language, String title, String body, String classification) {
        return Fixtures.createReport(token, Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z", language,
                title, body, classification));
    }

    /** The proposals of a report once the workers have had their turn (the scheduled poll, or a drain here). */
    private JsonPath proposals(String token, String reportId) {
        worker.drain();
        return given().auth().oauth2(token).get("/api/intelligence/reports/" + reportId + "/proposals")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void frenchAndArabicSpellingsOfAKnownPersonAreProposedWithTheirSpans() {
        String person = person(ANALYST, "SECRET", null, "Abdelilah Ouazzani Touhami", "عبد الإله الوزاني التهامي");
        String body = "Selon la source, Abd el Ilah Ouazzani Touhami a rencontré deux inconnus à Fès. "
                + "Le véhicule de Touhami Abdelilah Ouazzani était stationné devant la gare.";
        String id = report(ANALYST, "fr", "Rencontre à Fès", body, "SECRET");
        JsonPath found = proposals(ANALYST, id);
        List<Map<String, Object>> items = found.getList("findAll { it.entityId == '" + person + "' }");
        assertEquals(2, items.size(), found.prettify());
        for (Map<String, Object> p : items) {
            int start = (Integer) p.get("start");
            int end = (Integer) p.get("end");
            assertEquals("BODY", p.get("field"));
            assertEquals(body.substring(start, end), p.get("text"));
            assertEquals("PROPOSED", p.get("status"));
            assertTrue(((Number) p.get("score")).doubleValue() >= 0.8, p.toString());
        }
        assertEquals("Abd el Ilah Ouazzani Touhami", items.get(0).get("text"));
        assertEquals("Touhami Abdelilah Ouazzani", items.get(1).get("text"));

        String arabic = "شوهد عبدالإله الوزاني التهامي قرب المحطة الطرقية بوجدة مساء الأحد.";
        String arabicId = report(ANALYST, "ar", "تنقلات مشبوهة", arabic, "SECRET");
        JsonPath arabicFound = proposals(ANALYST, arabicId);
        List<Map<String, Object>> arabicItems = arabicFound.getList("findAll { it.entityId == '" + person + "' }");
        assertEquals(1, arabicItems.size(), arabicFound.prettify());
        Map<String, Object> p = arabicItems.get(0);
        assertEquals("عبدالإله الوزاني التهامي", arabic.substring((Integer) p.get("start"), (Integer) p.get("end")));
        assertFalse(((List<?>) ((Map<?, ?>) p.get("explanation")).get("parts")).isEmpty(), "explained part by part");
    }

    @Test
    void ordinaryWordsWithTheSkeletonOfANameAreNotProposed() {
        // Selouane (سلوان), a town near Nador: "Selon" and سيلان (a flood) share its consonants s-l-n
        String place = Fixtures.createEntity(ANALYST, """
                {"kind":"LOCATION","displayName":"Selouane","names":[{"name":"Selouane"},{"name":"سلوان"}],
                 "country":"MA","classification":"RESTRICTED"}""");
        String french = "Selon la source, le convoi est passé par Selouane avant l'aube.";
        JsonPath found = proposals(ANALYST, report(ANALYST, "fr", "Passage", french, "SECRET"));
        assertEquals(List.of("Selouane"), found.getList("findAll { it.entityId == '" + place + "' }.text"),
                found.prettify());
        String arabic = "تسبب سيلان الوادي في أضرار قرب سلوان، فإن الطريق مقطوعة.";
        JsonPath arabicFound = proposals(ANALYST, report(ANALYST, "ar", "فيضان", arabic, "SECRET"));
        assertEquals(List.of("سلوان"), arabicFound.getList("findAll { it.entityId == '" + place + "' }.text"),
                arabicFound.prettify());
    }

    @Test
    void confirmingMakesAMentionAndRejectingIsFinal() {
        String person = person(ANALYST, "SECRET", null, "Yassine Lamrabet");
        String place = Fixtures.createEntity(ANALYST, """
                {"kind":"LOCATION","displayName":"Tiflet","names":[{"name":"Tiflet"},{"name":"تيفلت"}],
                 "country":"MA","classification":"RESTRICTED"}""");
        String id = report(ANALYST, "fr", "Déplacement", "Yassine Lamrabet est arrivé à Tiflet en autocar.", "SECRET");
        JsonPath found = proposals(ANALYST, id);
        String personProposal = found.getString("find { it.entityId == '" + person + "' }.id");
        String placeProposal = found.getString("find { it.entityId == '" + place + "' }.id");

        given().auth().oauth2(ANALYST).post("/api/intelligence/reports/" + id + "/proposals/" + personProposal
                + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo("extraction-analyst"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + id + "/mentions").then().statusCode(200)
                .body("id", hasItem(person)).body("id", not(hasItem(place)));
        given().auth().oauth2(ANALYST).post("/api/intelligence/reports/" + id + "/proposals/" + placeProposal
                + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(ANALYST).post("/api/intelligence/reports/" + id + "/proposals/" + placeProposal
                + "/confirm").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + id + "/mentions").then()
                .body("id", not(hasItem(place)));
        JsonPath audit = Fixtures.audit(id);
        assertTrue(audit.getList("items.action").containsAll(List.of("CONFIRM_PROPOSAL", "REJECT_PROPOSAL",
                "MENTION")), audit.prettify());
        // a supervisor reads proposals but does not decide them
        given().auth().oauth2(Fixtures.user("extraction-supervisor", "supervisor", "SECRET"))
                .post("/api/intelligence/reports/" + id + "/proposals/" + placeProposal + "/reject")
                .then().statusCode(403);
    }

    @Test
    void anEntityTheAuthorMayNotSeeIsNeverProposed() {
        String hidden = person(TOP, "TOP_SECRET", "X", "Anouar Bouzekri");
        String visible = person(TOP, "SECRET", null, "Zakaria Moutaouakil");
        String id = report(ANALYST, "fr", "Contacts", "Anouar Bouzekri et Zakaria Moutaouakil se sont vus à Salé.",
                "SECRET");
        // the TOP_SECRET reader may see the entity, but the author could not: nothing was proposed about it
        JsonPath found = proposals(TOP, id);
        assertFalse(found.getList("entityId").contains(hidden), found.prettify());
        assertTrue(found.getList("entityId").contains(visible), found.prettify());
    }

    @Test
    void aReaderSeesOnlyProposalsOfEntitiesTheyMaySee() {
        String hidden = person(TOP, "TOP_SECRET", "X", "Souhail Chraibi");
        String id = report(TOP, "fr", "Filature", "Souhail Chraibi a quitté Kénitra à l'aube.", "SECRET");
        String proposal = proposals(TOP, id).getString("find { it.entityId == '" + hidden + "' }.id");
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + id + "/proposals").then()
                .statusCode(200).body("entityId", not(hasItem(hidden)))
                .body(not(containsString("Chraibi")));
        given().auth().oauth2(ANALYST).post("/api/intelligence/reports/" + id + "/proposals/" + proposal
                + "/reject").then().statusCode(404);
        // and a report the reader may not see has no proposals for them either
        String secretReport = report(TOP, "fr", "Filature", "Souhail Chraibi à Kénitra.", "TOP_SECRET");
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + secretReport + "/proposals").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bulkIngestQueuesEveryStoredReportAndTheSchedulerProposesWithinSeconds() throws InterruptedException {
        String person = person(ANALYST, "SECRET", null, "Hamza Ait Lahcen");
        String line = "{\"sourceType\":\"OSINT\",\"reliability\":\"C\",\"credibility\":3,"
                + "\"collectedAt\":\"2026-03-02T08:00:00Z\",\"language\":\"fr\",\"title\":\"Veille\","
                + "\"body\":\"Un compte attribué à Hamza Aït-Lahcen relaie des appels.\","
                + "\"classification\":\"SECRET\"}";
        String id = given().auth().oauth2(ANALYST).contentType("application/x-ndjson")
                .body((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/intelligence/reports/bulk").then().statusCode(200).extract().asString()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        // no drain here: the scheduled workers must pick the report up on their own
        List<Object> entities = List.of();
        for (int i = 0; i < 100 && !entities.contains(person); i++) {
            Thread.sleep(100);
            entities = given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + id + "/proposals")
                    .then().statusCode(200).extract().jsonPath().getList("entityId");
        }
        assertTrue(entities.contains(person), "proposed within 10 s: " + entities);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("yaqaza_extraction_lag_seconds_count"), "lag metric");
        assertTrue(metrics.contains("yaqaza_extraction_queue_depth"), "depth metric");
    }

    @Test
    void aCorrectedReportIsExtractedAgain() {
        String person = person(ANALYST, "SECRET", null, "Imane Boukhriss");
        String id = report(ANALYST, "fr", "Note", "Rien à signaler.", "SECRET");
        assertFalse(proposals(ANALYST, id).getList("entityId").contains(person));
        correct(id, 0, "Imane Boukhriss a été vue à Meknès.");
        assertTrue(proposals(ANALYST, id).getList("entityId").contains(person));
        // corrected once more without the name: the undecided proposal goes with it
        correct(id, 1, "Personne n'a été vu à Meknès.");
        assertFalse(proposals(ANALYST, id).getList("entityId").contains(person));
    }

    /** The analyst's French note {@code id}, at {@code version}, corrected to {@code body}. */
    private static void correct(String id, int version, String body) {
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Fixtures.report("HUMINT", "B", 2, "2026-03-01T10:00:00Z", "fr", "Note", body, "SECRET")
                        .replace("\"classification\"", "\"version\":" + version + ",\"classification\""))
                .put("/api/intelligence/reports/" + id).then().statusCode(200);
    }

    @Test
    void theQueueIsATableAnyInstanceDrainsAfterARestart() {
        String person = person(ANALYST, "SECRET", null, "Ilyas Bouchentouf");
        String id = report(ANALYST, "fr", "Note", "Ilyas Bouchentouf a changé de numéro.", "SECRET");
        assertTrue(proposals(ANALYST, id).getList("entityId").contains(person));
        // as an instance that stopped after queuing the report and before its workers ran would leave it
        UUID report = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("delete from mention_proposal where report_id = :id", Map.of("id", report));
            sql.update("insert into extraction_queue (report_id, enqueued_at, author, author_clearance,"
                    + " author_compartments, author_agency, not_before)"
                    + " values (:id, now(), 'extraction-analyst', 3, '', 'DGST', now())", Map.of("id", report));
        });
        assertTrue(proposals(ANALYST, id).getList("entityId").contains(person), "extracted from the table");
        long left = QuarkusTransaction.requiringNew().call(() -> sql.one("select count(*) from extraction_queue"
                + " where report_id = :id", Map.of("id", report), rs -> rs.getLong(1)));
        assertEquals(0, left);
    }

    @Test
    void keysWrittenByAnotherInstanceAreSeenByTheWorkersOnTheirNextBatch() {
        String person = person(ANALYST, "SECRET", null, "Ilham Tazarini");
        String body = "Rachid Benkirane Zerhouni a quitté Nador hier soir.";
        // this instance's workers hold the keys in memory from here on
        assertFalse(proposals(ANALYST, report(ANALYST, "fr", "Départ", body, "SECRET")).getList("entityId")
                .contains(person));
        // another replica records a new name of the person: its transaction writes the keys, and the version
        UUID id = UUID.fromString(person);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String key : NameKeys.of(NameNormaliser.standard().parse("Rachid Benkirane Zerhouni").parts())) {
                sql.update("insert into extraction_name_key (key, entity_id, name, partial)"
                        + " values (:key, :id, 'Rachid Benkirane Zerhouni', false)", Map.of("key", key, "id", id));
            }
        });
        JsonPath found = proposals(ANALYST, report(ANALYST, "fr", "Départ", body, "SECRET"));
        assertEquals(List.of("Rachid Benkirane Zerhouni"), found.getList("findAll { it.entityId == '" + person
                + "' }.text"), found.prettify());
    }
}
