package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
        String trail = bulkAuditDetails(auditBefore);
        for (Map<String, Object> r : results) {
            if (r.get("status").equals("CREATED")) {
                assertTrue(trail.contains((String) r.get("id")), "every stored report is named in the trail");
            }
        }

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

    /**
     * Result lines arrive while the body is still being sent: the first batch's results are read before the
     * request is finished; the totals follow as trailers. Raw HTTP/1.1 so that the test controls both sides.
     */
    @Test
    void resultsAreStreamedWhileTheBodyIsStillBeingSent() throws Exception {
        String lang = Fixtures.uniqueLanguage();
        String[] lines = ndjson(lang, 1000).split("\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/intelligence/reports/bulk HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "TE: trailers\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            chunk(out, String.join("\n", java.util.Arrays.copyOfRange(lines, 0, 600)) + "\n");
            InputStream in = socket.getInputStream();
            assertEquals("HTTP/1.1 200 OK", asciiLine(in));
            String header;
            while (!(header = asciiLine(in)).isEmpty()) {
                assertTrue(!header.toLowerCase().startsWith("content-length"), "streamed, not sized: " + header);
            }
            StringBuilder early = new StringBuilder();
            while (early.chars().filter(c -> c == '\n').count() < 500) {
                int size = Integer.parseInt(asciiLine(in).trim(), 16);
                assertTrue(size > 0, "the stream ended before the body did");
                early.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                asciiLine(in);
            }
            // the first batch: 500 good lines, with the bad lines 10 and 500 among them
            String[] first = early.toString().split("\n");
            assertEquals(502, first.length, "the first batch is answered before the body is finished");
            assertTrue(first[0].startsWith("{\"line\":1,"), first[0]);
            chunk(out, String.join("\n", java.util.Arrays.copyOfRange(lines, 600, lines.length)) + "\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(498, rest.split("\"line\":").length - 1, "the other results");
            assertTrue(rest.contains("X-Bulk-Stored: 997"), rest.substring(Math.max(0, rest.length() - 300)));
            assertTrue(rest.contains("X-Bulk-Rejected: 3"), rest.substring(Math.max(0, rest.length() - 300)));
        }
        count(lang, 997);
    }

    /** The store workers write the audit events: they carry the id of the request whose lines they store. */
    @Test
    void auditEventsWrittenByBulkWorkersCarryTheRequestId() throws Exception {
        String lang = Fixtures.uniqueLanguage();
        String requestId = "bulk-request-" + lang;
        String response = given().auth().oauth2(TOKEN).header("X-Request-ID", requestId)
                .contentType("application/x-ndjson").body(ndjson(lang, 1000).getBytes(StandardCharsets.UTF_8))
                .post("/api/intelligence/reports/bulk").then().statusCode(200).extract().asString();
        String[] lines = response.split("\n");
        String first = JsonPath.from(lines[0]).getString("id");
        String last = JsonPath.from(lines[lines.length - 1]).getString("id");
        List<String> requestIds = new ArrayList<>();
        try (var c = PostgresTestResource.superuser("intelligence"); var ps = c.prepareStatement(
                "select coalesce(request_id, 'none') from audit_event where action = 'BULK_CREATE'"
                        + " and (detail like ? or detail like ?) order by seq")) {
            ps.setString(1, "%" + first + "%");
            ps.setString(2, "%" + last + "%");
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    requestIds.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of(requestId, requestId), requestIds, "both batches of 500, each stored by a worker");
    }

    /**
     * Ingests read at once are bounded (4 by default): one more is refused with 429 and
     * Retry-After before anything is read, and the places come back when the ingests end.
     */
    @Test
    void oneIngestMoreThanTheParsersIsRefusedWith429AndThePlacesComeBack() throws Exception {
        String lang = Fixtures.uniqueLanguage();
        String line = ndjson(lang, 1).trim() + "\n";
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                open.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/intelligence/reports/bulk HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/x-ndjson\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                chunk(out, line);
            }
            // the four are admitted once their resource methods run: poll until the fifth is refused
            int status = 0;
            for (int attempt = 0; attempt < 100 && status != 429; attempt++) {
                Thread.sleep(100);
                var refused = given().auth().oauth2(TOKEN).contentType("application/x-ndjson")
                        .body(line.getBytes(StandardCharsets.UTF_8)).post("/api/intelligence/reports/bulk");
                status = refused.statusCode();
                if (status == 429) {
                    assertEquals("5", refused.header("Retry-After"));
                    assertEquals("application/problem+json", refused.contentType());
                }
            }
            assertEquals(429, status, "a fifth ingest while four are being read");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        // the four cut ingests end and free their places
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            Thread.sleep(100);
            status = given().auth().oauth2(TOKEN).contentType("application/x-ndjson")
                    .body(line.getBytes(StandardCharsets.UTF_8)).post("/api/intelligence/reports/bulk").statusCode();
        }
        assertEquals(200, status);
    }

    private static String asciiLine(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static void chunk(OutputStream out, String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void count(String lang, int expected) {
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/count?language=" + lang)
                .then().statusCode(200).body("count", equalTo(expected));
    }

    private static String bulkAuditDetails(long skip) throws Exception {
        try (var c = PostgresTestResource.superuser("intelligence"); var s = c.createStatement();
                var rs = s.executeQuery("select string_agg(detail || ' ' || coalesce(client_address, 'none'), ' '"
                        + " order by seq) from (select * from audit_event where action = 'BULK_CREATE'"
                        + " and subject = 'collector-bulk' order by seq offset " + skip + ") e")) {
            rs.next();
            assertTrue(!rs.getString(1).contains(" none"), "the client address is recorded by every batch");
            return rs.getString(1);
        }
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
