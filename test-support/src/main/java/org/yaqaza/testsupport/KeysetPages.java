package org.yaqaza.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Reads a keyset-paged list ({@code {items, nextCursor}}) to its end, following {@code nextCursor} with the same
 * query: what the sorting tests of every service compare against the order they asked for.
 */
public final class KeysetPages {

    /** More rows than any test creates: a cursor that never ends is a defect, not a long list. */
    private static final int MAX_ROWS = 5000;

    private KeysetPages() {
    }

    /**
     * Every row of {@code path} for {@code token}, {@code limit} to a page, ordered by {@code sort} (the route's
     * default order when null), with the extra query parameters {@code query} (name, value, ...).
     */
    public static List<Map<String, Object>> all(String token, String path, int limit, String sort,
            String... query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < query.length; i += 2) {
            parameters.put(query[i], query[i + 1]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().auth().oauth2(token).queryParam("limit", limit)
                    .queryParams(parameters);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            rows.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (rows.size() > MAX_ROWS) {
                fail(path + " still offers a next page after " + MAX_ROWS + " rows (sort " + sort + ")");
            }
        } while (cursor != null);
        return rows;
    }
}
