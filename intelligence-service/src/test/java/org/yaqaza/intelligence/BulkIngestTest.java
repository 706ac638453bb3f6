package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaqaza.launcher.testing.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** NDJSON bulk ingest: per-line results, bad lines reported by number, idempotent retries. */
@QuarkusTest
class BulkIngestTest {

    private static final String TOKEN = Fixtures.user("collector-bulk", "collector", "SECRET");

    private static String ndjson(String lang, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            String line = Fixtures.report("OSINT", "C", 3, "2026-02-01T10:00:00Z", lang, "تقرير رقم " + i,
                    "رصد نشاط مشبوه قرب الميناء، السطر " + i, "CONFIDENTIAL").replace("\n", " ");
            if (i == 10) {
                line = line.replace("\"reliability\":\"C\"", "\"reliability\":\"G\"");
            } else if (i == 500) {
                line = line.replace("\"credibility\":3", "\"credibility\":7");
            } else if (i == 999) {
                line = line.replace("\"OSINT\"", "\"SIGINT\"");
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static List<Map<String, Object>> post(String body, String key) {
        var request = given().auth().oauth2(TOKEN).contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        String response = request.post("/api/intelligence/reports/bulk")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<Map<String, Object>> results = new ArrayList<>();
        for (String line : response.split("\n")) {
            results.add(JsonPath.from(line).getMap(""));
        }
        return results;
    }

    @Test
    void threeBadLinesOutOfAThousandAreReportedAndTheRestStoredOnce() throws Exception {
        String lang = Fixtures.uniqueLanguage();
        String body = ndjson(lang, 1000);
        long auditBefore = bulkAuditEvents();

        List<Map<String, Object>> results = post(body, "batch-" + lang);
        assertEquals(1000, results.size(), "one result line per input line");
        List<Object> rejected = results.stream().filter(r -> r.get("status").equals("REJECTED"))
                .map(r -> r.get("line")).toList();
        assertEquals(List.of(10, 500, 999), rejected);
        assertTrue(((String) results.get(9).get("reason")).contains("reliability"));
        assertTrue(((String) results.get(499).get("reason")).contains("credibility"));
        assertTrue(((String) results.get(998).get("reason")).contains("Legal authorisation"));
        assertEquals(997, results.stream().filter(r -> r.get("status").equals("CREATED")).count());
        count(lang, 997);
        assertEquals(2, bulkAuditEvents() - auditBefore, "one audit event per stored batch of 500");

        List<Map<String, Object>> replay = post(body, "batch-" + lang);
        assertEquals(0, replay.stream().filter(r -> r.get("status").equals("CREATED")).count());
        assertEquals(997, replay.stream().filter(r -> r.get("status").equals("ALREADY_STORED")).count());
        assertEquals(results.get(0).get("id"), replay.get(0).get("id"));
        count(lang, 997);
    }

    @Test
    void malformedAndBlankLinesDoNotStopTheRest() {
        String lang = Fixtures.uniqueLanguage();
        String good = Fixtures.report("HUMINT", "B", 2, "2026-02-01T10:00:00Z", lang, "ok", "ok", "RESTRICTED")
                .replace("\n", " ");
        String body = good + "\n{not json\n\n" + good.replace("\"HUMINT\"", "\"GOSSIP\"") + "\n" + good + "\n";
        List<Map<String, Object>> results = post(body, null);
        assertEquals(List.of("CREATED", "REJECTED", "SKIPPED", "REJECTED", "CREATED"),
                results.stream().map(r -> r.get("status")).toList());
        assertEquals("not valid JSON", results.get(1).get("reason"));
        assertTrue(((String) results.get(3).get("reason")).startsWith("sourceType"));
        count(lang, 2);
    }

    @Test
    void aLineMarkedAboveTheCallersClearanceIsRejected() {
        String lang = Fixtures.uniqueLanguage();
        String body = Fixtures.report("HUMINT", "B", 2, "2026-02-01T10:00:00Z", lang, "x", "y", "TOP_SECRET")
                .replace("\n", " ") + "\n";
        List<Map<String, Object>> results = post(body, null);
        assertEquals("REJECTED", results.get(0).get("status"));
        count(lang, 0);
    }

    @Test
    void wrongMediaTypeIs415() {
        given().auth().oauth2(TOKEN).contentType("text/csv").body("a,b".getBytes())
                .post("/api/intelligence/reports/bulk").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void onlyBulkIngestAcceptsBodiesAbove10Megabytes() {
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        given().auth().oauth2(TOKEN).contentType("application/json").body(big)
                .post("/api/intelligence/reports").then().statusCode(413).contentType("application/problem+json");
        List<Map<String, Object>> results = post(" ".repeat(3 * 1024 * 1024) + "\n\n", null);
        // streamed through, the one huge line refused without being held whole, the blank one skipped
        assertEquals(List.of("REJECTED", "SKIPPED"), results.stream().map(r -> r.get("status")).toList());
        assertTrue(((String) results.get(0).get("reason")).startsWith("line longer than"));
    }

    private static void count(String lang, int expected) {
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/count?language=" + lang)
                .then().statusCode(200).body("count", equalTo(expected));
    }

    private static long bulkAuditEvents() throws Exception {
        try (var c = PostgresTestResource.superuser("intelligence"); var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from audit_event where action = 'BULK_CREATE'"
                        + " and subject = 'collector-bulk'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
