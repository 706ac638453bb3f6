package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.bench.ScreeningLoader;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Retrieval among many namesakes, as at a million names: 1,200 persons called "Nizar Tazrouti" (born 1950-1969,
 * loaded with COPY) make both name parts too common to read whole, so the pair key is read only up to
 * {@code pair-cap} (200) entities. The one born in 1984, filed through the API, must still come first when the
 * query gives that birth year: postings carry the birth year and capped keys are also read around it. Agency
 * SCRN is used by this test only.
 */
@QuarkusTest
class ScreeningNamesakesTest {

    private static final String AGENCY = "SCRN";
    private static final String ANALYST = PostgresTestResource.primary().token().subject("scrn-analyst")
            .roles("analyst").clearance("SECRET").agency(AGENCY).sign();
    private static final int NAMESAKES = 1200;
    private static String target;

    @BeforeEach
    void data() throws Exception {
        if (target != null) {
            return;
        }
        try (Connection c = PostgresTestResource.superuser("intelligence")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from entity where owner_agency = '" + AGENCY + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    try (ScreeningLoader loader = new ScreeningLoader(c, AGENCY, Classification.RESTRICTED.level())) {
                        for (int i = 0; i < NAMESAKES; i++) {
                            loader.add(new ScreeningLoader.Person(UUID.randomUUID(),
                                    List.of("Nizar Tazrouti"), 1950 + i % 20, "MA"));
                        }
                    }
                }
            }
        }
        target = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Nizar Tazrouti","names":[{"name":"Nizar Tazrouti"}],
                 "birthDate":"1984-03-02","nationality":"MA","classification":"RESTRICTED"}""");
    }

    private static String first(String body) {
        return given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(body)
                .post("/api/intelligence/screening").then().statusCode(200).extract().path("candidates[0].entityId");
    }

    @Test
    void theNamesakeBornThatYearComesFirstInEitherScript() {
        assertEquals(target, first("{\"name\":\"TAZROUTI Nizar\",\"birthYear\":1984}"));
        assertEquals(target, first("{\"name\":\"نزار التازروتي\",\"birthYear\":1985}"));
    }

    @Test
    void aChangedBirthDateMovesThePostings() {
        String version = given().auth().oauth2(ANALYST).get("/api/intelligence/entities/" + target).then()
                .statusCode(200).extract().path("version").toString();
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", version).body("""
                {"kind":"PERSON","displayName":"Nizar Tazrouti","names":[{"name":"Nizar Tazrouti"}],
                 "birthDate":"1991-03-02","nationality":"MA","classification":"RESTRICTED"}""")
                .put("/api/intelligence/entities/" + target).then().statusCode(200);
        assertEquals(target, first("{\"name\":\"Nizar Tazrouti\",\"birthYear\":1991}"));
        // restored for the other test, whatever the order
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .header("If-Match", String.valueOf(Long.parseLong(version) + 1)).body("""
                {"kind":"PERSON","displayName":"Nizar Tazrouti","names":[{"name":"Nizar Tazrouti"}],
                 "birthDate":"1984-03-02","nationality":"MA","classification":"RESTRICTED"}""")
                .put("/api/intelligence/entities/" + target).then().statusCode(200);
    }

    /**
     * A query of several parts reads a single part's key only up to {@code scored} entities (1,200 share the family
     * name here): a person sharing two of its parts is found through their pair, whatever the namesakes of one.
     */
    @Test
    void namesakesOfOnePartDoNotHideAPersonSharingTwo() {
        String karim = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Karim Tazrouti","names":[{"name":"Karim Tazrouti"}],
                 "nationality":"MA","classification":"RESTRICTED"}""");
        assertEquals(karim, first("{\"name\":\"Karim Ben Said Tazrouti\"}"));
        assertEquals(karim, first("{\"name\":\"كريم بن سعيد التازروتي\"}"));
    }

    /**
     * A caller who may see none of the 1,200 namesakes (RESTRICTED, their clearance is UNCLASSIFIED) still gets
     * the one filed UNCLASSIFIED, born after all of them (last in every key's posting order): a probe's first
     * {@code pair-cap} postings are all hidden, so its visible half cannot be taken from that first scan and is read
     * by a scan of its own, past the hidden rows.
     */
    @Test
    void aCallerWhoSeesNoneOfTheFirstPostingsStillGetsTheOneTheyMaySee() {
        String low = PostgresTestResource.primary().token().subject("scrn-low").roles("analyst")
                .clearance("UNCLASSIFIED").agency(AGENCY).sign();
        String open = Fixtures.createEntity(ANALYST, """
                {"kind":"PERSON","displayName":"Nizar Tazrouti","names":[{"name":"Nizar Tazrouti"}],
                 "birthDate":"2000-01-01","nationality":"MA","classification":"UNCLASSIFIED"}""");
        List<String> ids = given().auth().oauth2(low).contentType(ContentType.JSON)
                .body("{\"name\":\"Nizar Tazrouti\"}").post("/api/intelligence/screening").then().statusCode(200)
                .extract().path("candidates.entityId");
        assertEquals(List.of(open), ids);
    }
}
