package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Name screening over HTTP: cross-script hits, misses, the visibility rule with deconfliction (a hidden hit is
 * never shown and alerts the owning agency's supervisors), audit, batch order in JSON and NDJSON, key
 * maintenance on rename, and bad input as problem responses. Agencies SCRA/SCRB are used by this test only.
 */
@QuarkusTest
class ScreeningTest {

    private static final String URL = "/api/intelligence/screening";
    private static final String OWNER = token("scr-owner", "analyst", "TOP_SECRET", "SCRA", "CT-SCR");
    private static final String OWNER_SUPERVISOR = token("scr-supervisor", "supervisor", "TOP_SECRET", "SCRA",
            "CT-SCR");
    private static final String OWNER_ANALYST = token("scr-analyst2", "analyst", "TOP_SECRET", "SCRA", "CT-SCR");
    private static final String OTHER_SUPERVISOR = token("scrb-supervisor", "supervisor", "TOP_SECRET", "SCRB",
            "CT-SCR");
    private static final String SCREENER = token("scr-liaison", "liaison-officer", "SECRET", "SCRA");
    private static String idrissi;
    private static String hidden;
    private static String organisation;

    private static String token(String subject, String role, String clearance, String agency,
            String... compartments) {
        return PostgresTestResource.primary().token().subject(subject).roles(role).clearance(clearance)
                .agency(agency).compartments(compartments).sign();
    }

    private static String person(String token, String classification, String compartments, Integer birthYear,
            String nationality, String... names) {
        StringBuilder n = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            n.append(i > 0 ? "," : "").append("{\"name\":\"").append(Fixtures.json(names[i])).append("\",\"type\":\"")
                    .append(i == 0 ? "PRIMARY" : "ALIAS").append("\"}");
        }
        String body = """
                {"kind":"PERSON","displayName":"%s","names":[%s],"classification":"%s","compartments":[%s]%s%s}"""
                .formatted(Fixtures.json(names[0]), n, classification, compartments,
                        birthYear == null ? "" : ",\"birthDate\":\"" + birthYear + "-06-01\"",
                        nationality == null ? "" : ",\"nationality\":\"" + nationality + "\"");
        return Fixtures.createEntity(token, body);
    }

    @BeforeEach
    void data() {
        if (idrissi != null) {
            return;
        }
        idrissi = person(OWNER, "RESTRICTED", "", 1985, "MA", "Mohamed Ben Abdelkader El Idrissi",
                "محمد بن عبد القادر الإدريسي");
        person(OWNER, "RESTRICTED", "", 1990, "MA", "Karim Alaoui", "كريم العلوي");
        person(OWNER, "RESTRICTED", "", 1979, "MA", "Abdelkader Ben Mohamed Bennani");
        person(OWNER, "RESTRICTED", "", 1992, "DZ", "Youssef Ech-Chergui", "يوسف الشرقي");
        hidden = person(OWNER, "TOP_SECRET", "\"CT-SCR\"", 1988, "MA", "Zakaria Ould Sidi Mokhtar",
                "زكرياء ولد سيدي المختار");
        organisation = Fixtures.createEntity(OWNER, """
                {"kind":"ORGANISATION","displayName":"Ansar Al-Maghrib","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","classification":"RESTRICTED",
                 "names":[{"name":"Ansar Al-Maghrib"},{"name":"أنصار المغرب"}]}""");
    }

    private static JsonPath screen(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(URL)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static JsonPath screenName(String token, String name) {
        return screen(token, "{\"name\":\"" + Fixtures.json(name) + "\"}");
    }

    @Test
    void arabicQueryFindsTheLatinFileFirstWithAnExplanation() {
        JsonPath r = screen(SCREENER, "{\"name\":\"محمد بن عبد القادر الإدريسي\",\"birthYear\":1985,"
                + "\"nationality\":\"MA\"}");
        assertEquals(idrissi, r.getString("candidates[0].entityId"));
        assertEquals("PERSON", r.getString("candidates[0].entityType"));
        assertTrue(r.getBoolean("candidates[0].hit"));
        assertTrue(r.getDouble("candidates[0].score") >= r.getDouble("threshold"));
        assertEquals(0.05, r.getDouble("candidates[0].explanation.birthYear.adjustment"), 1e-9);
        assertEquals(0.02, r.getDouble("candidates[0].explanation.nationality.adjustment"), 1e-9);
        List<String> how = r.getList("candidates[0].explanation.parts.how");
        assertEquals(3, how.size());
        assertFalse(how.contains("UNMATCHED"), how.toString());
    }

    @Test
    void englishScholarlyAndPassengerListSpellingsHit() {
        for (String name : List.of("Muhammad bin Abd al-Qadir al-Idrisi", "IDRISSI Mohamed",
                "Mohammed Abdelkader Elidrissi", "Mouhamed Ben Abdelkadir Idrisi")) {
            JsonPath r = screenName(SCREENER, name);
            assertEquals(idrissi, r.getString("candidates[0].entityId"), name);
            assertTrue(r.getBoolean("candidates[0].hit"), name + " " + r.getDouble("candidates[0].score"));
        }
        JsonPath r = screenName(SCREENER, "Youssef Chergui");
        assertEquals("Youssef Ech-Chergui", r.getString("candidates[0].matchedName"));
        r = screenName(SCREENER, "انصار المغرب");
        assertEquals(organisation, r.getString("candidates[0].entityId"));
        assertEquals("ORGANISATION", r.getString("candidates[0].entityType"));
    }

    @Test
    void aNameOfNobodyDoesNotHit() {
        for (String name : List.of("Karim Bennani", "Rachid Tazi", "Abdelkrim Idrissi Fassi")) {
            JsonPath r = screenName(SCREENER, name);
            List<Boolean> hits = r.getList("candidates.hit");
            assertFalse(hits.contains(true), name + " -> " + r.getList("candidates.matchedName") + " "
                    + r.getList("candidates.score"));
        }
    }

    @Test
    void aReversedPatronymicIsAnotherPerson() {
        // "Abdelkader ben Mohamed" is the son of a Mohamed; "Mohamed ben Abdelkader" his father's name reversed
        JsonPath r = screenName(SCREENER, "Abdelkader Ben Mohamed Idrissi");
        List<String> ids = r.getList("candidates.entityId");
        int i = ids.indexOf(idrissi);
        assertTrue(i < 0 || !r.getBoolean("candidates[" + i + "].hit"), "reversed patronymic must not hit");
        if (i >= 0) {
            assertEquals(-0.45, r.getDouble("candidates[" + i + "].explanation.order.adjustment"), 1e-9);
        }
    }

    @Test
    void aHiddenPersonIsNeverShownButItsSupervisorsAreAlerted() {
        String before = given().auth().oauth2(OWNER_SUPERVISOR).get("/api/intelligence/alerts?limit=500")
                .then().statusCode(200).extract().asString();
        Response r = given().auth().oauth2(SCREENER).contentType(ContentType.JSON)
                .body("{\"name\":\"Zakaria Ould Sidi Mokhtar\"}").post(URL);
        r.then().statusCode(200).body("candidates.entityId", not(hasItem(hidden)));
        String body = r.asString();
        assertFalse(body.contains(hidden) || body.contains("Mokhtar\"") || body.contains("المختار"), body);
        // the owner (who may see it) gets it as a candidate
        screenName(OWNER, "Zakaria Ould Sidi Mokhtar").getList("candidates.entityId").contains(hidden);
        assertEquals(hidden, screenName(OWNER, "Zakaria Ould Sidi Mokhtar").getString("candidates[0].entityId"));
        // a supervisor of the owning agency who may see the person is alerted; the screener is named in it
        List<Map<String, Object>> alerts = given().auth().oauth2(OWNER_SUPERVISOR)
                .get("/api/intelligence/alerts?limit=500").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> alert = alerts.stream().filter(a -> "SCREENING_HIT".equals(a.get("type"))
                && hidden.equals(a.get("entityId")) && !before.contains(a.get("id").toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no deconfliction alert in " + alerts));
        assertTrue(alert.get("message").toString().contains("scr-liaison"), alert.toString());
        // not an analyst of the owning agency, not a supervisor of another agency, not the screener
        given().auth().oauth2(OWNER_ANALYST).get("/api/intelligence/alerts?limit=500").then().statusCode(200)
                .body("type", not(hasItem("SCREENING_HIT")));
        given().auth().oauth2(OTHER_SUPERVISOR).get("/api/intelligence/alerts?limit=500").then().statusCode(200)
                .body("type", not(hasItem("SCREENING_HIT")));
    }

    @Test
    void everyScreenedNameIsAuditedSingleOrBatchedInBothFormats() throws Exception {
        String subject = "scr-audit";
        String token = token(subject, "analyst", "SECRET", "SCRA");
        screenName(token, "Karim Alaoui");
        // more names than one chunk of workers: every chunk's names reach the trail, under the request's id
        List<String> names = new ArrayList<>();
        String arabicLetters = "بتثجحخدذرزسشصضطظعغفقكلمنوي";
        for (int i = 0; i < 70; i++) {
            names.add(i % 2 == 0 ? "Karim Alaoui Ben" + (char) ('a' + i % 26) + (char) ('a' + i / 26)
                    : "كريم العلوي " + arabicLetters.charAt(i % 26) + "ا" + arabicLetters.charAt(i / 26));
        }
        given().auth().oauth2(token).header("X-Request-ID", "scr-batch-json").contentType(ContentType.JSON)
                .body(new ObjectMapper().writeValueAsString(names)).post(URL + "/batch").then().statusCode(200);
        given().auth().oauth2(token).header("X-Request-ID", "scr-batch-ndjson").contentType("application/x-ndjson")
                .body(String.join("\n", names.subList(0, 40).stream().map(n -> "\"" + n + "\"").toList())
                        .getBytes(StandardCharsets.UTF_8))
                .post(URL + "/batch").then().statusCode(200);
        List<String[]> events = new ArrayList<>();
        try (Connection c = PostgresTestResource.superuser("intelligence");
                PreparedStatement ps = c.prepareStatement("select action, detail, coalesce(request_id, '')"
                        + " from audit_event where subject = ? and object_type = 'screening' order by seq")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
                }
            }
        }
        assertEquals("SCREEN", events.get(0)[0]);
        assertTrue(events.get(0)[1].contains("name=Karim Alaoui;"), events.get(0)[1]);
        assertEquals(1 + 1 + 70 + 1 + 40, events.size(), "one event per screened name, one per batch request");
        for (String[] format : new String[][] { { "json", "70" }, { "ndjson", "40" } }) {
            List<String[]> batch = events.stream().filter(e -> e[2].equals("scr-batch-" + format[0])).toList();
            assertEquals(1, batch.stream().filter(e -> e[0].equals("SCREEN_BATCH")).count());
            int size = Integer.parseInt(format[1]);
            assertEquals(size + 1, batch.size(), "every event of the batch carries its request id");
            for (int i = 0; i < size; i++) {
                String expected = "name=" + names.get(i) + ";";
                int index = i;
                assertTrue(batch.stream().anyMatch(e -> e[0].equals("SCREEN") && e[1].startsWith(expected)
                        && e[1].endsWith("; batch=" + format[0] + "; index=" + index)), expected);
            }
        }
    }

    @Test
    void batchJsonAnswersOneResultPerNameInOrder() {
        JsonPath r = given().auth().oauth2(SCREENER).contentType(ContentType.JSON)
                .body("[\"Youssef Chergui\", {\"name\":\"محمد الإدريسي\",\"limit\":3}, \"\", \"Иван Петров\","
                        + " \"Karim Alaoui\", {\"name\":\"Karim Alaoui\",\"limit\":0}]")
                .post(URL + "/batch").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(List.of(0, 1, 2, 3, 4, 5), r.getList("index"));
        assertEquals("Youssef Ech-Chergui", r.getString("[0].candidates[0].matchedName"));
        assertEquals(idrissi, r.getString("[1].candidates[0].entityId"));
        assertTrue(r.getList("[1].candidates").size() <= 3);
        assertEquals(400, r.getInt("[2].error.status"));
        assertEquals("Unsupported script", r.getString("[3].error.title"));
        assertEquals("Karim Alaoui", r.getString("[4].candidates[0].matchedName"));
        assertEquals(400, r.getInt("[5].error.status"));
    }

    @Test
    void batchNdjsonStreamsInOrder() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            body.append(i % 2 == 0 ? "\"Karim Alaoui\"" : "{\"name\":\"يوسف الشرقي\"}").append('\n');
        }
        String out = given().auth().oauth2(SCREENER).contentType("application/x-ndjson")
                .body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post(URL + "/batch").then().statusCode(200).contentType("application/x-ndjson").extract()
                .asString();
        String[] lines = out.split("\n");
        assertEquals(150, lines.length);
        for (int i = 0; i < 150; i++) {
            JsonPath line = JsonPath.from(lines[i]);
            assertEquals(i, line.getInt("index"));
            // the best name of the entity is the one in the query's script
            assertEquals(i % 2 == 0 ? "Karim Alaoui" : "يوسف الشرقي", line.getString("candidates[0].matchedName"));
        }
    }

    @Test
    void phaseTimersCountEveryScreenedName() {
        double retrieval = phaseCount("retrieval");
        double scoring = phaseCount("scoring");
        given().auth().oauth2(SCREENER).contentType(ContentType.JSON)
                .body("[\"Youssef Chergui\", \"Karim Alaoui\", \"\"]").post(URL + "/batch").then().statusCode(200);
        // two names screened; the blank one is refused before any phase
        assertEquals(retrieval + 2, phaseCount("retrieval"));
        assertEquals(scoring + 2, phaseCount("scoring"));
    }

    private static double phaseCount(String phase) {
        String prefix = "yaqaza_screening_phase_seconds_count{phase=\"" + phase + "\"}";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())
                        .trim())).findFirst().orElse(0);
    }

    @Test
    void renamedEntitiesAreFoundUnderTheirNewNameOnly() {
        String id = person(OWNER, "RESTRICTED", "", null, null, "Hamza Ouazzani Touhami");
        assertEquals(id, screenName(SCREENER, "Hamza Ouazzani Touhami").getString("candidates[0].entityId"));
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("If-Match", "0").body("""
                {"kind":"PERSON","displayName":"Bilal Zerhouni","names":[{"name":"Bilal Zerhouni"},
                 {"name":"بلال الزرهوني"}],"classification":"RESTRICTED"}""")
                .put("/api/intelligence/entities/" + id).then().statusCode(200);
        assertEquals(id, screenName(SCREENER, "بلال الزرهوني").getString("candidates[0].entityId"));
        assertFalse(screenName(SCREENER, "Hamza Ouazzani Touhami").getList("candidates.entityId").contains(id));
    }

    /**
     * A name screened in vain leaves its keys cached as unknown; the entity created next must be found at once,
     * by its spelling and through a typo (the neighbourhood cache), not after the caches expire.
     */
    @Test
    void aNewNameIsFoundAtOnceEvenRightAfterItWasScreenedInVain() {
        // both spellings' keys are now cached as unknown to the vocabulary
        screenName(SCREENER, "Bouzekri");
        screenName(SCREENER, "Bouzerki");
        String id = person(OWNER, "RESTRICTED", "", null, null, "Bouzekri");
        assertEquals(id, screenName(SCREENER, "Bouzekri").getString("candidates[0].entityId"));
        JsonPath typo = screenName(SCREENER, "Bouzerki");
        assertEquals(id, typo.getString("candidates[0].entityId"));
        assertEquals("FUZZY", typo.getString("candidates[0].explanation.parts[0].how"));
    }

    /** Whether a candidate shows is decided per query: a marking changed a moment ago counts at once, both ways. */
    @Test
    void aChangedMarkingCountsAtTheNextScreening() {
        // raising is the direction a plain edit may take (lowering goes through a marking request, issue 15): a
        // screening just before the raise must not keep the entity visible from a cache after it
        String id = person(OWNER, "RESTRICTED", "", null, null, "Nabil Tazarine");
        assertEquals(id, screenName(SCREENER, "Nabil Tazarine").getString("candidates[0].entityId"));
        String body = """
                {"kind":"PERSON","displayName":"Nabil Tazarine","names":[{"name":"Nabil Tazarine"}],
                 "classification":"%s","compartments":[%s]}""";
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("If-Match", "0")
                .body(body.formatted("TOP_SECRET", "\"CT-SCR\"")).put("/api/intelligence/entities/" + id)
                .then().statusCode(200);
        assertFalse(screenName(SCREENER, "Nabil Tazarine").getList("candidates.entityId").contains(id));
    }

    @Test
    void badInputIsAProblem() {
        String longName = "a".repeat(10_000);
        for (String body : List.of("{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":\"" + longName + "\"}",
                "{\"name\":\"Иван Петров\"}", "{\"name\":\"王小明\"}", "{\"name\":\"Karim\",\"limit\":0}",
                "{\"name\":\"Karim\",\"limit\":101}", "{\"name\":\"Karim\",\"birthYear\":12}",
                "{\"name\":\"Karim\",\"nationality\":\"morocco\"}", "{\"name\":", "{}", "{\"nom\":\"Karim\"}",
                "{\"name\":\"ben el --\"}")) {
            given().auth().oauth2(SCREENER).contentType(ContentType.JSON).body(body).post(URL)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
        given().auth().oauth2(SCREENER).contentType(ContentType.JSON).body("{\"name\":\"王小明\"}").post(URL)
                .then().body("title", equalTo("Unsupported script")).body("detail", containsString("Arabic"));
        for (String body : List.of("[\"Karim\", {", "{\"name\":\"Karim\"}", "", "[1, 2", "[]", " [ ] ")) {
            given().auth().oauth2(SCREENER).contentType(ContentType.JSON).body(body).post(URL + "/batch")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(SCREENER).contentType("application/x-ndjson")
                .body("\"Karim\"\n{oops\n".getBytes(StandardCharsets.UTF_8))
                .post(URL + "/batch").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(SCREENER).contentType("text/plain").body("Karim".getBytes(StandardCharsets.UTF_8))
                .post(URL + "/batch")
                .then().statusCode(415);
    }

    @Test
    void rolesAreChecked() {
        given().auth().oauth2(token("scr-auditor", "auditor", "SECRET", "SCRA")).contentType(ContentType.JSON)
                .body("{\"name\":\"Karim Alaoui\"}").post(URL).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\":\"Karim Alaoui\"}").post(URL).then().statusCode(401);
        for (String role : List.of("analyst", "supervisor", "collector", "liaison-officer", "service")) {
            given().auth().oauth2(token("scr-" + role, role, "SECRET", "SCRA")).contentType(ContentType.JSON)
                    .body("{\"name\":\"Karim Alaoui\"}").post(URL).then().statusCode(200)
                    .body("candidates.score", everyItem(greaterThanOrEqualTo(0f)))
                    .body("candidates.size()", lessThan(11));
        }
    }
}
