package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.KeysetPages;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Programmes sort on the server: paged two rows at a time, every visible programme exactly once in the asked
 * order (names by code point), one above the reader's clearance never appears whatever the order.
 */
@QuarkusTest
class ListSortingTest {

    @Test
    void programmesPageInEveryOrderAndHiddenOnesNeverAppear() {
        String hidden = Fixtures.createProgramme(Fixtures.officer("TOP_SECRET", "MHAI"),
                Fixtures.programme("TOP_SECRET"));
        Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED"));
        String reader = Fixtures.officer();
        List<Object> unsorted = pages(reader, null).stream().map(r -> r.get("id")).toList();
        assertFalse(unsorted.contains(hidden));
        for (String sort : List.of("name", "-name", "region", "-createdAt", "createdAt")) {
            List<Map<String, Object>> rows = pages(reader, sort);
            List<Object> ids = rows.stream().map(r -> r.get("id")).toList();
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": a programme twice");
            assertEquals(new HashSet<>(unsorted), new HashSet<>(ids), sort);
            String field = sort.replace("-", "");
            for (int i = 1; i < rows.size() && !field.equals("createdAt"); i++) {
                int cmp = String.valueOf(rows.get(i - 1).get(field)).compareTo(String.valueOf(rows.get(i).get(field)));
                assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " at " + i);
            }
        }
        given().auth().oauth2(reader).queryParam("sort", "capacity").get("/api/prevention/programmes")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    private static List<Map<String, Object>> pages(String token, String sort) {
        return KeysetPages.all(token, "/api/prevention/programmes", 2, sort);
    }
}
