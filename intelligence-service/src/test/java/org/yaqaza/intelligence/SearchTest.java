package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** Arabic-aware full-text search with the real article, French and English stemming, snippets, visibility. */
@QuarkusTest
class SearchTest {

    private static boolean ready;

    private static final String TOKEN = Fixtures.analyst("SECRET");
    private static String articleId;
    private static String frenchId;
    private static String englishId;

    /** Once per class (fields are static): RestAssured is ready only from the first test on. */
    @BeforeEach
    void fileReports() {
        if (ready) {
            return;
        }
        ready = true;
        String article = Fixtures.article();
        String title = article.lines().filter(l -> l.contains("المقاربة الاستباقية")).findFirst().orElseThrow();
        articleId = Fixtures.createReport(TOKEN, Fixtures.report("OSINT", "C", 3, "2025-11-20T09:00:00Z", "ar",
                title, article, "UNCLASSIFIED"));
        frenchId = Fixtures.createReport(TOKEN, Fixtures.report("HUMINT", "B", 2, "2026-01-05T09:00:00Z", "fr",
                "Réseau logistique à Tanger", "Les membres du réseau ont démantelé leurs caches et préparaient "
                        + "plusieurs attentats contre des bâtiments publics.", "RESTRICTED"));
        englishId = Fixtures.createReport(TOKEN, Fixtures.report("PARTNER", "B", 2, "2026-01-06T09:00:00Z", "en",
                "Courier network", "The couriers were travelling through Algeciras and funding two recruiters.",
                "SECRET").replace("\"compartments\"", "\"originatorPartner\":\"es-cni\",\"compartments\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "الأجهزة الاستخباراتية", "المغرب", "الإرهاب", "الاجهزة", "أجهزة", "الارهاب",
        "الأمنية", "مكافحة التطرف" })
    void theArticleIsFoundByArabicQueriesWithOrWithoutHamza(String q) {
        // OSINT only: every copy of the demo data set in the shared database (DemoSeedTest, DemoNetworkTest) adds
        // dozens of short Arabic reports about "الأجهزة" that outrank the long article; none of them is OSINT
        given().auth().oauth2(TOKEN).queryParam("q", q).queryParam("sourceType", "OSINT").queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(articleId));
    }

    @Test
    void snippetsHighlightTheMatchInTheOriginalText() {
        given().auth().oauth2(TOKEN).queryParam("q", "الاستخباراتية").queryParam("language", "ar")
                .queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200)
                .body("items.find { it.id == '" + articleId + "' }.snippet", containsString("<mark>"));
    }

    @Test
    void frenchReportIsFoundByAnInflectedForm() {
        given().auth().oauth2(TOKEN).queryParam("q", "attentat démanteler").queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(frenchId));
    }

    @Test
    void englishReportIsFoundByAnInflectedForm() {
        given().auth().oauth2(TOKEN).queryParam("q", "funded courier travels").queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(englishId))
                .body("items.find { it.id == '" + englishId + "' }.originatorPartner", org.hamcrest.Matchers
                        .equalTo("es-cni"));
    }

    @Test
    void aPartialWordFindsTheTitleByTrigrams() {
        given().auth().oauth2(TOKEN).queryParam("q", "logisti").queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(frenchId));
    }

    @Test
    void filtersApplyToSearch() {
        given().auth().oauth2(TOKEN).queryParam("q", "réseau").queryParam("sourceType", "OSINT")
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", not(hasItem(frenchId)));
        given().auth().oauth2(TOKEN).queryParam("q", "réseau").queryParam("reliability", "B")
                .queryParam("collectedFrom", "2026-01-01").queryParam("limit", 100)
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items.id", hasItem(frenchId));
    }

    @Test
    void markupInReportsIsEscapedInSnippets() {
        String id = Fixtures.createReport(TOKEN, Fixtures.report("OSINT", "C", 3, "2026-01-07T09:00:00Z", "en",
                "Forum <b>post</b> zanzibarite", "<script>alert(1)</script> zanzibarite recruitment post",
                "RESTRICTED"));
        given().auth().oauth2(TOKEN).queryParam("q", "zanzibarite")
                .get("/api/intelligence/reports/search")
                .then().statusCode(200).body("items[0].id", org.hamcrest.Matchers.equalTo(id))
                .body("items[0].titleHighlight", containsString("&lt;b&gt;post&lt;/b&gt;"))
                .body("items[0].titleHighlight", containsString("<mark>zanzibarite</mark>"))
                .body("items[0].snippet", containsString("<mark>zanzibarite</mark>"))
                .body("items[0].snippet", not(containsString("<script>")));
    }

    @Test
    void emptyOrOverlongQueriesAre400() {
        given().auth().oauth2(TOKEN).get("/api/intelligence/reports/search").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        given().auth().oauth2(TOKEN).queryParam("q", "x".repeat(501)).get("/api/intelligence/reports/search")
                .then().statusCode(400);
    }
}
