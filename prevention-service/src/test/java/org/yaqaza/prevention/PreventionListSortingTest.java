package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.KeysetPages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Referrals, handovers and the certificate registry sort on the server: paged two rows at a time, every row
 * the reader may see exactly once in the asked order, a row the reader may not see never appears whatever the
 * order, and an unknown field is a 400 naming the allowed values.
 */
@QuarkusTest
class PreventionListSortingTest {

    @Test
    void referralsPageInEveryOrderForPreventionStaffOnly() {
        for (String region : List.of("Souss-Massa", "Béni Mellal-Khénifra", "الشرق")) {
            given().auth().oauth2(Fixtures.supervisor("DGST")).contentType(ContentType.JSON).body("""
                    {"programmeKind":"PRISON_RECONCILIATION","region":"%s","purpose":"sorting test",
                     "identity":%s}""".formatted(region, Fixtures.identity("سعيد المراكشي", "Said El Marrakchi",
                    "RS" + ThreadLocalRandom.current().nextInt(100_000, 999_999))))
                    .post("/api/prevention/referrals").then().statusCode(201);
        }
        String reader = Fixtures.officer();
        List<Object> unsorted = ids(pages(reader, "/api/prevention/referrals", "status=PENDING", null));
        assertTrue(unsorted.size() >= 3);
        for (String sort : List.of("region", "-region", "referringAgency", "status", "-programmeKind", "createdAt")) {
            List<Map<String, Object>> rows = pages(reader, "/api/prevention/referrals", "status=PENDING", sort);
            assertSameRowsOnce(unsorted, rows, sort);
            assertOrdered(rows, sort);
        }
        // every status, sorted by status: the filter is optional and the order holds across pages
        assertOrdered(pages(reader, "/api/prevention/referrals", "", "-status"), "-status");
        // the referring agency's supervisor reads the status of its own referral by id, never the list
        given().auth().oauth2(Fixtures.supervisor("DGST")).queryParam("sort", "region")
                .get("/api/prevention/referrals").then().statusCode(403);
        unknownSortIs400(reader, "/api/prevention/referrals", "purpose");
    }

    @Test
    void handoversPageInEveryOrderAndAHiddenParticipantsNeverAppears() {
        String officer = Fixtures.officer();
        for (String agency : List.of("DGST", "DGSN", "GR")) {
            handover(officer, Fixtures.anyParticipant(), agency);
        }
        // a participant marked CONFIDENTIAL: a RESTRICTED reader may not see it, nor its handover
        String hidden = handover(officer, Fixtures.anyParticipant(), "DGSN");
        String restricted = Fixtures.officer("RESTRICTED", "MHAI");
        for (String sort : List.of("recipientAgency", "-recipientAgency", "status", "-createdAt", "createdAt")) {
            List<Map<String, Object>> rows = pages(officer, "/api/prevention/handovers", "", sort);
            List<Object> seen = ids(rows);
            assertEquals(seen.size(), new HashSet<>(seen).size(), sort + ": a handover twice");
            assertTrue(seen.contains(hidden), sort);
            assertOrdered(rows, sort);
            assertFalse(ids(pages(restricted, "/api/prevention/handovers", "", sort)).contains(hidden), sort);
        }
        unknownSortIs400(officer, "/api/prevention/handovers", "participantCode");
    }

    @Test
    void certificatesSortByNumberAndDatesNeverByName() {
        int run = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String prefix = "SO" + run + "-";
        String code = Fixtures.participant("حسن البناني " + run, "Hassan Bennani " + run, "SO" + run);
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("PRISON_RECONCILIATION", "PREACHER_TRAINING"));
        String enrolment = Fixtures.enrol(Fixtures.edition(programme, 30), code);
        Fixtures.move(enrolment, "ACTIVE").statusCode(200);
        Fixtures.move(enrolment, "COMPLETED").statusCode(200);
        LocalDate today = LocalDate.now();
        // numbers, issue and expiry dates in three different orders
        issue(code, programme, prefix + "B", today.minusDays(30), today.plusDays(300));
        issue(code, programme, prefix + "C", today.minusDays(10), today.plusDays(100));
        issue(code, programme, prefix + "A", today.minusDays(20), today.plusDays(200));
        String officer = Fixtures.officer();
        Map<String, List<String>> expected = Map.of(
                "number", List.of("A", "B", "C"), "-number", List.of("C", "B", "A"),
                "issuedOn", List.of("B", "A", "C"), "-issuedOn", List.of("C", "A", "B"),
                "expiresOn", List.of("C", "A", "B"), "-expiresOn", List.of("B", "A", "C"),
                "createdAt", List.of("B", "C", "A"), "-createdAt", List.of("A", "C", "B"));
        expected.forEach((sort, order) -> {
            List<Map<String, Object>> rows = pages(officer, "/api/prevention/certificates", "q=" + prefix, sort);
            assertEquals(order.stream().map(s -> prefix + s).toList(),
                    rows.stream().map(r -> r.get("number")).toList(), sort);
            // the holder (CONFIDENTIAL) is not visible at RESTRICTED: none of the certificates, in any order
            assertTrue(pages(Fixtures.officer("RESTRICTED", "MHAI"), "/api/prevention/certificates",
                    "q=" + prefix, sort).isEmpty(), sort);
        });
        // a holder-name search pages in the asked order too
        List<Map<String, Object>> byName = pages(officer, "/api/prevention/certificates",
                "q=Bennani " + run, "-number");
        assertEquals(List.of(prefix + "C", prefix + "B", prefix + "A"),
                byName.stream().map(r -> r.get("number")).toList());
        unknownSortIs400(officer, "/api/prevention/certificates", "holderName");
        unknownSortIs400(officer, "/api/prevention/certificates", "status");
    }

    /** A cursor issued for one order is refused with another. */
    @Test
    void aCursorOfAnotherOrderIs400() {
        String officer = Fixtures.officer();
        for (int i = 0; i < 2; i++) {
            handover(officer, Fixtures.anyParticipant(), "DGST");
        }
        String cursor = given().auth().oauth2(officer).queryParam("limit", 1).queryParam("sort", "status")
                .get("/api/prevention/handovers").then().statusCode(200).extract().path("nextCursor");
        given().auth().oauth2(officer).queryParam("limit", 1).queryParam("sort", "-status")
                .queryParam("cursor", cursor).get("/api/prevention/handovers").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private static void unknownSortIs400(String token, String path, String field) {
        given().auth().oauth2(token).queryParam("sort", field).get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("sort")).body("detail", containsString("createdAt"));
    }

    private static String handover(String token, String code, String agency) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"participantCode":"%s","recipientAgency":"%s","purpose":"Court-ordered risk information",
                 "legalBasis":"Loi 03-03, art. 218-1","summary":"ملخص","includeIdentity":false}"""
                .formatted(code, agency)).post("/api/prevention/handovers").then().statusCode(201).extract()
                .path("id");
    }

    private static void issue(String code, String programme, String number, LocalDate issued, LocalDate expires) {
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"programmeId\":\"" + programme + "\",\"number\":\""
                        + number + "\",\"issuedOn\":\"" + issued + "\",\"expiresOn\":\"" + expires + "\"}")
                .post("/api/prevention/certificates").then().statusCode(201);
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("id")).toList();
    }

    private static void assertSameRowsOnce(List<Object> expected, List<Map<String, Object>> rows, String sort) {
        List<Object> ids = ids(rows);
        assertEquals(ids.size(), new HashSet<>(ids).size(), sort + ": a row twice");
        assertEquals(new HashSet<>(expected), new HashSet<>(ids), sort);
    }

    /** Text and enum names by code point, timestamps as ISO text (which orders like the instants). */
    private static void assertOrdered(List<Map<String, Object>> rows, String sort) {
        String field = sort.replace("-", "");
        for (int i = 1; i < rows.size(); i++) {
            int cmp = String.valueOf(rows.get(i - 1).get(field)).compareTo(String.valueOf(rows.get(i).get(field)));
            if (field.equals("createdAt")) {
                cmp = java.time.Instant.parse(String.valueOf(rows.get(i - 1).get(field)))
                        .compareTo(java.time.Instant.parse(String.valueOf(rows.get(i).get(field))));
            }
            assertTrue(sort.startsWith("-") ? cmp >= 0 : cmp <= 0, sort + " at " + i);
        }
    }

    private static List<Map<String, Object>> pages(String token, String path, String query, String sort) {
        return KeysetPages.all(token, path, 2, sort, query.isEmpty() ? new String[0] : query.split("[&=]", -1));
    }
}
