package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The user and client lists sort on the server: read two rows a page, every entry appears exactly once and in
 * the asked order (text by code point, so Arabic names follow the Arabic alphabet), ties broken by id.
 */
@QuarkusTest
class DirectorySortingTest {

    @Test
    void usersPageInEveryOrderWithoutSkipsOrRepeats() {
        String tag = Fixtures.unique("sort").toLowerCase();
        // alef, beh, teh, jeem, and Latin: code point order puts Latin before Arabic
        List<String> names = List.of("جميلة " + tag, "أمينة " + tag, "بشرى " + tag, "Zineb " + tag, "تسنيم " + tag,
                "Amal " + tag);
        for (int i = 0; i < names.size(); i++) {
            given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                    .body("""
                            {"username":"%s-%d","displayName":"%s","password":"long-enough-password","roles":[],
                             "clearance":"RESTRICTED","agency":"DGST"}""".formatted(tag, i, names.get(i)))
                    .post("/api/admin/users").then().statusCode(201);
        }
        List<Map<String, Object>> all = pages("/api/admin/users", null);
        for (String sort : List.of("displayName", "-displayName", "username", "-username", "createdAt", "agency")) {
            List<Map<String, Object>> rows = pages("/api/admin/users", sort);
            List<Object> ids = rows.stream().map(r -> r.get("username")).toList();
            assertEquals(all.size(), rows.size(), sort);
            assertEquals(new HashSet<>(ids), new HashSet<>(all.stream().map(r -> r.get("username")).toList()), sort);
            assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": an entry twice");
            String field = sort.replace("-", "");
            for (int i = 1; i < rows.size() && !field.equals("createdAt"); i++) {
                int cmp = String.valueOf(rows.get(i - 1).get(field)).compareTo(String.valueOf(rows.get(i).get(field)));
                assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " at " + i);
            }
        }
        List<Object> mine = pages("/api/admin/users", "displayName").stream().map(r -> r.get("displayName"))
                .filter(n -> String.valueOf(n).endsWith(tag)).toList();
        assertEquals(List.of("Amal " + tag, "Zineb " + tag, "أمينة " + tag, "بشرى " + tag, "تسنيم " + tag,
                "جميلة " + tag), mine);
    }

    @Test
    void clientsSortByName() {
        List<Map<String, Object>> rows = pages("/api/admin/clients", "clientId");
        List<String> ids = rows.stream().map(r -> String.valueOf(r.get("clientId"))).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void badSortsAndForeignCursorsAreProblems() {
        given().auth().oauth2(Fixtures.admin()).queryParam("sort", "passwordHash").get("/api/admin/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"))
                .body("detail", containsString("-displayName"));
        String next = given().auth().oauth2(Fixtures.admin()).queryParam("sort", "username").queryParam("limit", 1)
                .get("/api/admin/users").then().statusCode(200).extract().path("nextCursor");
        given().auth().oauth2(Fixtures.admin()).queryParam("sort", "-username").queryParam("cursor", next)
                .get("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(Fixtures.admin()).queryParam("sort", "username").queryParam("cursor", next)
                .get("/api/admin/clients").then().statusCode(400);
    }

    private static List<Map<String, Object>> pages(String path, String sort) {
        return KeysetPages.all(Fixtures.admin(), path, 2, sort);
    }
}
