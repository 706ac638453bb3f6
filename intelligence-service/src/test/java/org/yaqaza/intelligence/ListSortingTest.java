package org.yaqaza.intelligence;

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
 * Report, entity and case lists sort on the server: paged two rows at a time, every visible row exactly once in
 * the asked order (titles by code point, so Arabic follows its alphabet), a report above the reader's clearance
 * never appears whatever the order.
 */
@QuarkusTest
class ListSortingTest {

    private static final String WINDOW = "collectedFrom=2011-02-01&collectedTo=2011-02-28";

    private static String report(String title, String day, String classification) {
        String body = """
                {"sourceType":"OSINT","reliability":"C","credibility":3,"collectedAt":"2011-02-%sT09:00:00Z",
                 "language":"ar","title":"%s","body":"نص","classification":"%s"}""".formatted(day, title,
                classification);
        return given().auth().oauth2(Fixtures.analyst("TOP_SECRET")).contentType(ContentType.JSON).body(body)
                .post("/api/intelligence/reports").then().statusCode(201).extract().path("id");
    }

    @Test
    void reportsPageInEveryOrderAndHiddenOnesNeverAppear() {
        report("ثورة", "14", "RESTRICTED");
        report("أرشيف", "03", "RESTRICTED");
        report("بيان", "20", "CONFIDENTIAL");
        report("Annexe", "07", "RESTRICTED");
        report("جسر", "11", "RESTRICTED");
        String hidden = report("آآآ سري", "01", "SECRET");
        String reader = Fixtures.analyst("CONFIDENTIAL");
        List<Object> unsorted = pages(reader, "/api/intelligence/reports?" + WINDOW, null).stream()
                .map(r -> r.get("id")).toList();
        assertFalse(unsorted.contains(hidden));
        for (String sort : List.of("title", "-title", "collectedAt", "-collectedAt", "createdAt", "reliability")) {
            List<Map<String, Object>> rows = pages(reader, "/api/intelligence/reports?" + WINDOW, sort);
            List<Object> ids = rows.stream().map(r -> r.get("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": a report twice");
            assertEquals(new HashSet<>(unsorted), new HashSet<>(ids), sort + ": same reports as unsorted");
            String field = sort.replace("-", "");
            for (int i = 1; i < rows.size() && !field.equals("createdAt"); i++) {
                int cmp = String.valueOf(rows.get(i - 1).get(field)).compareTo(String.valueOf(rows.get(i).get(field)));
                assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " at " + i);
            }
        }
        List<Object> titles = pages(reader, "/api/intelligence/reports?" + WINDOW, "title").stream()
                .map(r -> r.get("title")).toList();
        assertEquals(List.of("Annexe", "أرشيف", "بيان", "ثورة", "جسر"), titles);
        assertTrue(pages(Fixtures.analyst("SECRET"), "/api/intelligence/reports?" + WINDOW, "title").stream()
                .anyMatch(r -> hidden.equals(r.get("id"))));
    }

    @Test
    void entitiesAndCasesSortToo() {
        String token = Fixtures.analyst("TOP_SECRET");
        for (String sort : List.of("displayName", "-displayName")) {
            List<String> names = pages(token, "/api/intelligence/entities?name=" + "زيد", sort).stream()
                    .map(r -> String.valueOf(r.get("displayName"))).toList();
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(sort.startsWith("-") ? java.util.Comparator.reverseOrder() : null);
            assertEquals(sorted, names, sort);
        }
        pages(token, "/api/intelligence/cases", "title");
        pages(token, "/api/intelligence/cases", "-updatedAt");
    }

    @Test
    void badSortsAreProblems() {
        given().auth().oauth2(Fixtures.analyst("SECRET")).queryParam("sort", "body").get("/api/intelligence/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort")).body("detail", containsString("-collectedAt"));
    }

    private static List<Map<String, Object>> pages(String token, String path, String sort) {
        return KeysetPages.all(token, path, 2, sort);
    }
}
