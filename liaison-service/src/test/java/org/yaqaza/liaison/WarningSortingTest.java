package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.KeysetPages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Liaison lists sort on the server: paged two rows at a time, every visible warning (RFI, partner) appears
 * exactly once in the asked order, and a warning the reader may not see never appears, whatever the order.
 */
@QuarkusTest
class WarningSortingTest {

    private static final List<String> PRECEDENCE = List.of("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE");

    private static String issue(String partner, String precedence, String title, String classification) {
        String body = """
                {"partner":"%s","precedence":"%s","tlp":"GREEN","category":"TERRORISM","classification":"%s",
                 "title":"%s","body":"نص التحذير"}"""
                .formatted(partner, precedence, classification, title);
        return given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/warnings").then().statusCode(201).extract().path("id");
    }

    @Test
    void warningsPageInEveryOrderAndHiddenOnesNeverAppear() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String[] titles = { "تهديد بالمطار", "إنذار عاجل", "بلاغ الميناء", "Alerte frontière", "ثغرة حدودية" };
        for (int i = 0; i < titles.length; i++) {
            issue(partner, PRECEDENCE.get(i % 4), titles[i], "RESTRICTED");
        }
        String hidden = issue(partner, "FLASH", "ؤؤؤ مخفي", "CONFIDENTIAL");
        // an officer of the same agency cleared below the hidden warning
        String reader = Fixtures.liaisonOfficer("RESTRICTED", "DGST");
        List<Map<String, Object>> unsorted = pages(reader, "/api/liaison/warnings", null);
        List<Object> visibleIds = unsorted.stream().map(r -> r.get("id")).toList();
        assertFalse(visibleIds.contains(hidden));
        for (String sort : List.of("deadline", "-deadline", "precedence", "-precedence", "title", "-title",
                "partner", "-status")) {
            List<Map<String, Object>> rows = pages(reader, "/api/liaison/warnings", sort);
            List<Object> ids = rows.stream().map(r -> r.get("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": a warning twice");
            assertEquals(new HashSet<>(visibleIds), new HashSet<>(ids), sort + ": same warnings as unsorted");
            for (int i = 1; i < rows.size(); i++) {
                int cmp = compare(sort.replace("-", ""), rows.get(i - 1), rows.get(i));
                assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " out of order at " + i);
            }
        }
        List<Object> mine = pages(reader, "/api/liaison/warnings", "title").stream()
                .filter(r -> partner.equals(r.get("partner")))
                .map(r -> r.get("title")).toList();
        // code point order: Latin, then the Arabic alphabet (alef with hamza below, alef, beh, teh, theh)
        assertEquals(List.of("Alerte frontière", "إنذار عاجل", "بلاغ الميناء", "تهديد بالمطار", "ثغرة حدودية"),
                mine);
        // an officer cleared for it sees it, in its place
        String holder = Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST");
        assertTrue(pages(holder, "/api/liaison/warnings", "title").stream().anyMatch(r -> hidden.equals(r.get("id"))));
    }

    @Test
    void rfisAndPartnersSortToo() {
        for (String sort : List.of("dueDate", "-dueDate", "subject", "-status", "partner")) {
            List<Map<String, Object>> rows = pages(Fixtures.OFFICER, "/api/liaison/rfis", sort);
            List<Object> ids = rows.stream().map(r -> r.get("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort);
            for (int i = 1; i < rows.size(); i++) {
                int cmp = compare(sort.replace("-", ""), rows.get(i - 1), rows.get(i));
                assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " at " + i);
            }
        }
        Fixtures.registerPartner(Fixtures.newCode("a-sort"));
        List<String> codes = pages(Fixtures.OFFICER, "/api/liaison/partners", "code").stream()
                .map(r -> String.valueOf(r.get("code"))).toList();
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        assertEquals(sorted, codes);
        pages(Fixtures.OFFICER, "/api/liaison/releases", "-releasedAt");
        pages(Fixtures.OFFICER, "/api/liaison/incoming", "title");
    }

    @Test
    void badSortsAreProblemsNamingTheChoices() {
        given().auth().oauth2(Fixtures.OFFICER).queryParam("sort", "body").get("/api/liaison/warnings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort")).body("detail", containsString("-precedence"));
        String next = given().auth().oauth2(Fixtures.OFFICER).queryParam("sort", "deadline")
                .queryParam("limit", 1).get("/api/liaison/warnings").then().statusCode(200).extract()
                .path("nextCursor");
        given().auth().oauth2(Fixtures.OFFICER).queryParam("sort", "precedence").queryParam("cursor", next)
                .get("/api/liaison/warnings").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static int compare(String field, Map<String, Object> a, Map<String, Object> b) {
        return switch (field) {
            case "precedence" -> Integer.compare(PRECEDENCE.indexOf(a.get("precedence")),
                    PRECEDENCE.indexOf(b.get("precedence")));
            // a warning awaiting approval has no deadline yet: the server orders it by its (unlisted) creation
            case "deadline" -> a.get("deadlineAt") == null || b.get("deadlineAt") == null ? 0
                    : key(a, "deadlineAt").compareTo(key(b, "deadlineAt"));
            case "partner" -> String.valueOf(a.get("partner")).compareTo(String.valueOf(b.get("partner")));
            default -> String.valueOf(a.get(field)).compareTo(String.valueOf(b.get(field)));
        };
    }

    private static java.time.Instant key(Map<String, Object> row, String field) {
        return java.time.Instant.parse(String.valueOf(row.get(field)));
    }

    private static List<Map<String, Object>> pages(String token, String path, String sort) {
        return KeysetPages.all(token, path, 3, sort);
    }
}
