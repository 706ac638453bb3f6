package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Evaluation figures for readers who may not see the participants behind them (issue 16, EVALUATION_DIFFERENCING):
 * a programme shared with DGST has an edition of 12 and an edition of 3, all released on 10 January 2025. One
 * participant of the larger edition re-offends on 14 March 2025. A DGST analyst reads the figures; prevention staff
 * read them exactly.
 */
@QuarkusTest
class EvaluationDisclosureTest {

    private static final LocalDate RELEASED = LocalDate.of(2025, 1, 10);
    private static final LocalDate REOFFENCE = LocalDate.of(2025, 3, 14);
    private static final String ANALYST = PostgresTestResource.primary().token().subject("ed-dgst-analyst")
            .roles("analyst").clearance("SECRET").agency("DGST").sign();

    private static String programme;
    private static String large;
    private static String small;

    /** Built once, by the first test (RestAssured knows the port only once a test runs). */
    @BeforeEach
    void aProgrammeWithAnEditionOf12AndOneOf3() {
        if (programme != null) {
            return;
        }
        programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("\"compartments\":[]", "\"compartments\":[],\"sharedWith\":[\"DGST\"]"));
        large = Fixtures.edition(programme, 200);
        small = Fixtures.edition(programme, 200);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String code = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body("""
                    {"identity":%s,"classification":"RESTRICTED","sharedWith":["DGST"],
                     "consents":[{"scope":"PARTICIPATION","givenOn":"2024-01-02"},
                                 {"scope":"FOLLOW_UP","givenOn":"2024-01-02"}]}"""
                    .formatted(Fixtures.identity("مشارك التقييم " + i, "Evaluation Participant " + i,
                            "ED" + (500000 + i) + (System.nanoTime() % 1000))))
                    .post("/api/prevention/participants").then().statusCode(201).extract().path("code");
            String enrolment = Fixtures.enrol(i < 12 ? large : small, code);
            given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                    .body("{\"releasedOn\":\"" + RELEASED + "\",\"enrolmentId\":\"" + enrolment + "\"}")
                    .post("/api/prevention/participants/" + code + "/releases").then().statusCode(201);
            codes.add(code);
        }
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"occurredOn\":\"" + REOFFENCE + "\",\"kind\":\"VIOLENT\"}")
                .post("/api/prevention/participants/" + codes.get(0) + "/reoffences").then().statusCode(201);
    }

    private static String raw(String token, String path, LocalDate asOf) {
        return given().auth().oauth2(token).queryParam("asOf", asOf.toString()).get(path).then().statusCode(200)
                .extract().asString();
    }

    private String programmeFigures(String token, LocalDate asOf) {
        return raw(token, "/api/prevention/programmes/" + programme + "/evaluation", asOf);
    }

    @Test
    void twoDatesAroundOneParticipantsReoffenceAnswerAlikeForAReaderOfAggregatesOnly() {
        // prevention staff see the day's event: the world really differs between the two dates
        JsonPath before = JsonPath.from(programmeFigures(Fixtures.officer(), REOFFENCE.minusDays(1)));
        JsonPath on = JsonPath.from(programmeFigures(Fixtures.officer(), REOFFENCE));
        assertEquals(0, before.getInt("overall.survival.events"));
        assertEquals(1, on.getInt("overall.survival.events"));
        // the analyst's answers are the same document, published for the month end before both dates
        String analystBefore = programmeFigures(ANALYST, REOFFENCE.minusDays(1));
        assertEquals(analystBefore, programmeFigures(ANALYST, REOFFENCE));
        assertEquals("2025-02-28", JsonPath.from(analystBefore).getString("asOf"));
        for (String edition : List.of(large, small)) {
            String path = "/api/prevention/editions/" + edition + "/evaluation";
            assertEquals(raw(ANALYST, path, REOFFENCE.minusDays(1)), raw(ANALYST, path, REOFFENCE));
            String chart = path + ".svg";
            assertEquals(raw(ANALYST, chart, REOFFENCE.minusDays(1)), raw(ANALYST, chart, REOFFENCE));
        }
        // the next published point carries the month's change, over a cohort of at least the minimum
        JsonPath monthEnd = JsonPath.from(programmeFigures(ANALYST, LocalDate.of(2025, 4, 2)));
        assertEquals("2025-03-31", monthEnd.getString("asOf"));
        assertEquals(1, monthEnd.getInt("overall.survival.events"));
        assertEquals(15, monthEnd.getInt("overall.started"));
    }

    @Test
    void smallCohortsAreSuppressedNotZeroAndTheirComplementIsWithheldToo() {
        LocalDate asOf = LocalDate.of(2025, 3, 31);
        JsonPath analyst = JsonPath.from(programmeFigures(ANALYST, asOf));
        assertEquals(10, analyst.getInt("minimumCohort"));
        assertEquals(List.of("COHORT", "COHORT"), analyst.getList("editions.suppressed"), analyst.prettify());
        for (String figure : List.of("started", "completed", "completionRate", "released", "survival")) {
            assertEquals(java.util.Arrays.asList(null, null), analyst.getList("editions." + figure), figure);
        }
        // the overall figures stand on 15 people: exactly what prevention staff read, but the one-year rate,
        // which stands on the one person followed that long
        JsonPath officer = JsonPath.from(programmeFigures(Fixtures.officer(), asOf));
        assertNull(officer.get("minimumCohort"));
        assertNull(analyst.get("overall.suppressed"));
        assertEquals(officer.getMap("overall.survival"), analyst.getMap("overall.survival"));
        assertEquals(15, analyst.getInt("overall.released"));
        assertEquals(1, officer.getInt("overall.reoffenceRates[0].followed"));
        assertTrue(analyst.getBoolean("overall.reoffenceRates[0].suppressed"));
        assertNull(analyst.get("overall.reoffenceRates[0].rate"));
        assertNull(analyst.get("overall.reoffenceRates[0].followed"));
        // asked for alone, the edition of 12 is still withheld: the overall minus it would give the edition of 3
        JsonPath alone = JsonPath.from(raw(ANALYST, "/api/prevention/editions/" + large + "/evaluation", asOf));
        assertEquals("COHORT", alone.getString("overall.suppressed"));
        assertNull(alone.get("overall.started"));
        JsonPath exact = JsonPath.from(raw(Fixtures.officer(), "/api/prevention/editions/" + large + "/evaluation",
                asOf));
        assertEquals(12, exact.getInt("overall.started"));
        // the chart says so, and draws no curve that could read as zero
        String chart = raw(ANALYST, "/api/prevention/programmes/" + programme + "/evaluation.svg", asOf);
        assertTrue(chart.contains("suppressed: fewer than 10 people"), chart);
        assertTrue(chart.contains("n=15, events=1"), chart);
        assertFalse(chart.contains("n=12") || chart.contains("n=3,"), chart);
        String staffChart = raw(Fixtures.officer(), "/api/prevention/programmes/" + programme + "/evaluation.svg",
                asOf);
        assertTrue(staffChart.contains("n=3, events=0"), staffChart);
        assertNotEquals(chart, staffChart);
    }
}
