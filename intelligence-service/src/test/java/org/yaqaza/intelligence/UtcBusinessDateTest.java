package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Business dates are UTC dates read from the injected clock, whatever the JVM's zone: at 22:30 UTC on 30 June it
 * is already 1 July in Kiritimati (UTC+14), where this JVM pretends to run, and a case opened then is opened on
 * 30 June.
 */
@QuarkusTest
class UtcBusinessDateTest {

    static final Instant LATE_EVENING = Instant.parse("2026-06-30T22:30:00Z");
    private static final ZoneId FAR_EAST = ZoneId.of("Pacific/Kiritimati");
    private static TimeZone original;

    @BeforeAll
    static void runTheJvmFarFromUtc() {
        // the service's clock stopped at LATE_EVENING (SettableClock: no test profile, no second application start)
        SettableClock.stopAt(LATE_EVENING);
        original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(FAR_EAST));
    }

    @AfterAll
    static void restoreTheJvmZone() {
        TimeZone.setDefault(original);
        SettableClock.run();
    }

    @Test
    void aCaseOpenedLateInTheUtcDayIsOpenedOnThatUtcDay() {
        // the premise: by the JVM's own zone it is the next day already
        assertEquals(LocalDate.of(2026, 7, 1),
                LocalDate.ofInstant(LATE_EVENING, ZoneId.systemDefault()));

        String token = Fixtures.user("utc-supervisor", "supervisor", "SECRET");
        String caseId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"title\":\"ملف منتصف الليل\",\"category\":\"TERRORISM\",\"classification\":\"SECRET\"}")
                .post("/api/intelligence/cases").then().statusCode(201)
                .body("createdAt", equalTo("2026-06-30T22:30:00Z"))
                .body("history[0].on", equalTo("2026-06-30"))
                .extract().path("id");
        // a transition without a date is dated today, in UTC
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + caseId + "/transitions").then().statusCode(200)
                .body("history[1].on", equalTo("2026-06-30"));
        // an organisation without statusSince has held its status since today, in UTC
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"kind":"ORGANISATION","displayName":"خلية الفجر","organisationKind":"CELL",
                 "organisationStatus":"ACTIVE","category":"TERRORISM","classification":"SECRET"}""")
                .post("/api/intelligence/entities").then().statusCode(201)
                .body("statusSince", equalTo("2026-06-30"));
    }
}
