package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every list filter, keyset pagination, and the Idempotency-Key contract of POST. */
@QuarkusTest
class ReportFiltersTest {

    private static final String TOKEN = Fixtures.analyst("SECRET");

    @Test
    void eachFilterNarrowsTheList() {
        String lang = Fixtures.uniqueLanguage();
        String humint = Fixtures.createReport(TOKEN, Fixtures.report("HUMINT", "A", 1, "2024-01-10T08:00:00Z", lang,
                "t1", "b1", "RESTRICTED"));
        String osint = Fixtures.createReport(TOKEN, Fixtures.report("OSINT", "C", 3, "2025-06-10T08:00:00Z", lang,
                "t2", "b2", "CONFIDENTIAL"));
        String finint = Fixtures.createReport(TOKEN, Fixtures.report("FININT", "E", 5, "2026-02-01T08:00:00Z", lang,
                "t3", "b3", "SECRET"));
        String person = Fixtures.createEntity(TOKEN, Fixtures.person("Idris Filtre", "RESTRICTED"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"entityIds\":[\"" + person + "\"]}")
                .post("/api/intelligence/reports/" + osint + "/mentions").then().statusCode(200)
                .body("id", hasItems(person));

        assertIds(lang, "sourceType=OSINT", osint);
        assertIds(lang, "reliability=A&reliability=E", humint, finint);
        assertIds(lang, "reliability=C,E", osint, finint);
        assertIds(lang, "credibility=3", osint);
        assertIds(lang, "classification=SECRET", finint);
        assertIds(lang, "collectedFrom=2025-01-01&collectedTo=2025-12-31", osint);
        assertIds(lang, "collectedFrom=2026-01-01T00:00:00Z", finint);
        assertIds(lang, "entity=" + person, osint);
        assertIds(lang, "", humint, osint, finint);
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/count?language=" + lang + "&reliability=A")
                .then().statusCode(200).body("count", equalTo(1));
    }

    private void assertIds(String lang, String query, String... expected) {
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports?language=" + lang + "&" + query)
                .then().statusCode(200).body("items.id", containsInAnyOrder((Object[]) expected));
    }

    @Test
    void badFiltersAreOne400ListingEachParameter() {
        given().auth().oauth2(TOKEN)
                .get("/api/intelligence/reports?reliability=G&credibility=7&collectedFrom=yesterday&sourceType=X")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("reliability", "credibility", "collectedFrom", "sourceType"));
    }

    @Test
    void cursorPagesThroughEveryReportOnce() {
        String lang = Fixtures.uniqueLanguage();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(Fixtures.createReport(TOKEN, Fixtures.report("HUMINT", "B", 2, "2026-01-01T00:00:00Z", lang,
                    "page " + i, "body", "RESTRICTED")));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var response = given().auth().oauth2(TOKEN).queryParam("language", lang).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/intelligence/reports").then().statusCode(200).extract();
            seen.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(new HashSet<>(filed), new HashSet<>(seen));
        assertEquals(filed.get(4), seen.get(0), "newest first");
    }

    @Test
    void idempotencyKeyReplaysTheFirstReportAndStoresNothingNew() {
        String lang = Fixtures.uniqueLanguage();
        String body = Fixtures.report("PARTNER", "B", 2, "2026-03-01T00:00:00Z", lang, "تقرير شريك", "نص",
                "SECRET").replace("\"compartments\"", "\"originatorPartner\":\"es-cni\",\"compartments\"");
        String service = Fixtures.user("svc-liaison", "service", "TOP_SECRET");
        String first = given().auth().oauth2(service).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/api/intelligence/reports")
                .then().statusCode(201).body("originatorPartner", equalTo("es-cni")).extract().path("id");
        given().auth().oauth2(service).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/api/intelligence/reports")
                .then().statusCode(200).body("id", equalTo(first));
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/count?language=" + lang)
                .then().body("count", equalTo(1));
        // the same key from another caller is that caller's own request
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/api/intelligence/reports").then().statusCode(201);
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/count?language=" + lang)
                .then().body("count", equalTo(2));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(201))
                .body(body).post("/api/intelligence/reports").then().statusCode(400)
                .body("errors.field", hasItems("Idempotency-Key"));
    }

    @Test
    void partnerReportWithoutOriginatorIs422() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body(Fixtures.report("PARTNER", "B", 2, "2026-03-01T00:00:00Z", "fr", "x", "y", "SECRET"))
                .post("/api/intelligence/reports").then().statusCode(422)
                .body("title", equalTo("Originator required")).body("errors", nullValue());
    }
}
