package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code GET /api/prevention/certificates}: the registry list, its filters, paging and who may read it. */
@QuarkusTest
class CertificateRegistryListTest {

    private static final String LIST = "/api/prevention/certificates";
    private static final LocalDate TODAY = LocalDate.now();

    /** A number prefix of this run only, so other tests' certificates never count. */
    private static String prefix;
    private static String tag;
    private static String valid;
    private static String later;
    private static String expired;
    private static String revoked;

    /** Once, from the first test (the application is not up yet in a static @BeforeAll). */
    private static synchronized void registry() {
        if (prefix != null) {
            return;
        }
        int run = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        prefix = "RG" + run + "-";
        tag = "ق" + run;
        // the holder's Arabic name written with hamza on the alef and a final taa marbuta
        String code = Fixtures.participant("فاطمة الزهراء أحمد " + tag, "Fatima Ez-Zahra Ahmed " + tag, "RG" + run);
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("PRISON_RECONCILIATION", "PREACHER_TRAINING"));
        String enrolment = Fixtures.enrol(Fixtures.edition(programme, 30), code);
        Fixtures.move(enrolment, "ACTIVE").statusCode(200);
        Fixtures.move(enrolment, "COMPLETED").statusCode(200);
        expired = issue(code, programme, prefix + "1", TODAY.minusYears(3), TODAY.minusDays(2));
        revoked = issue(code, programme, prefix + "2", TODAY.minusYears(1), TODAY.plusYears(1));
        later = issue(code, programme, prefix + "3", TODAY.minusYears(1), TODAY.plusDays(400));
        valid = issue(code, programme, prefix + "4", TODAY.minusYears(1), TODAY.plusDays(20));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"revokedOn\":\"" + TODAY + "\",\"reason\":\"خطاب يحرض على الكراهية\"}")
                .post(LIST + "/" + revoked + "/revocation").then().statusCode(200);
    }

    @BeforeEach
    void setUp() {
        registry();
    }

    private static String issue(String code, String programme, String number, LocalDate issued, LocalDate expires) {
        return given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"programmeId\":\"" + programme + "\",\"number\":\""
                        + number + "\",\"issuedOn\":\"" + issued + "\",\"expiresOn\":\"" + expires + "\"}")
                .post(LIST).then().statusCode(201).extract().path("number");
    }

    private static io.restassured.response.ValidatableResponse list(String token, String query) {
        return given().auth().oauth2(token).get(LIST + "?" + query).then();
    }

    @Test
    void newestFirstAndPagedWithACursorThatNeitherSkipsNorRepeats() {
        list(Fixtures.officer(), "q=" + prefix).statusCode(200)
                .body("items.number", contains(valid, later, revoked, expired)).body("nextCursor", nullValue());
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            var page = list(Fixtures.officer(), "q=" + prefix + "&limit=3&cursor=" + cursor).statusCode(200)
                    .extract();
            seen.addAll(page.path("items.number"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of(valid, later, revoked, expired), seen);
        assertEquals(2, pages);
        // a number prefix is matched in any case; each row carries its holder's code and its status today
        list(Fixtures.officer(), "q=" + prefix.toLowerCase() + "4").statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("VALID")).body("items[0].holderCode", notNullValue())
                .body("items[0].programmeKind", equalTo("PREACHER_TRAINING"));
    }

    @Test
    void statusAndExpiryFilters() {
        list(Fixtures.officer(), "status=VALID&q=" + prefix).statusCode(200).body("items.number", contains(valid, later));
        list(Fixtures.officer(), "status=EXPIRED&q=" + prefix).statusCode(200).body("items.number", contains(expired));
        list(Fixtures.officer(), "status=REVOKED&q=" + prefix).statusCode(200).body("items.number", contains(revoked))
                .body("items[0].revocationReason", equalTo("خطاب يحرض على الكراهية"));
        // still valid and ending within the window: not the revoked one, not the expired one
        list(Fixtures.officer(), "expiringWithin=30&q=" + prefix).statusCode(200).body("items.number", contains(valid));
        list(Fixtures.officer(), "expiringWithin=400&q=" + prefix).statusCode(200)
                .body("items.number", contains(valid, later));
        list(Fixtures.officer(), "expiringWithin=10&q=" + prefix).statusCode(200).body("items", empty());
    }

    @Test
    void holderNamesAreFoundWhateverTheArabicOrthography() {
        // bare alef for hamza, haa for the final taa marbuta, a diacritic, no space difference: the same name
        list(Fixtures.officer(), "q=فاطمه الزَّهراء احمد " + tag).statusCode(200)
                .body("items.number", contains(valid, later, revoked, expired));
        // part of the Latin name, in any case, with the other filters
        list(Fixtures.officer(), "status=EXPIRED&q=ez-zahra ahmed " + tag.toUpperCase()).statusCode(200)
                .body("items.number", contains(expired));
        // paged like any list
        var first = list(Fixtures.officer(), "limit=2&q=fatima ez-zahra ahmed " + tag).statusCode(200)
                .body("items.number", contains(valid, later)).body("nextCursor", notNullValue()).extract();
        list(Fixtures.officer(), "limit=2&q=fatima ez-zahra ahmed " + tag + "&cursor=" + first.path("nextCursor"))
                .statusCode(200).body("items.number", contains(revoked, expired));
        // the names are a search key, never part of the answer
        list(Fixtures.officer(), "q=أحمد " + tag).statusCode(200).body("items[0]", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("holderName")));
        list(Fixtures.officer(), "q=يوسف " + tag).statusCode(200).body("items", empty());
    }

    @Test
    void badFiltersAre400WithTheFieldNamed() {
        for (String query : new String[] { "status=UNKNOWN", "status=BOGUS", "expiringWithin=-1",
                "expiringWithin=3651", "expiringWithin=soon", "q=" + "x".repeat(201), "cursor=not-a-cursor",
                "limit=0", "limit=501" }) {
            list(Fixtures.officer(), query).statusCode(400).contentType("application/problem+json");
        }
        list(Fixtures.officer(), "status=UNKNOWN").body("errors[0].field", equalTo("status"));
        list(Fixtures.officer(), "expiringWithin=-1").body("errors[0].field", equalTo("expiringWithin"));
    }

    @Test
    void whoMayListIsWhoMayReadACertificate() {
        // prevention staff: officers and supervisors of the prevention agency
        String mhaiSupervisor = PostgresTestResource.primary().token().subject("mhai-supervisor-registry")
                .roles("supervisor").clearance("SECRET").agency("MHAI").sign();
        list(mhaiSupervisor, "q=" + prefix).statusCode(200).body("items", hasSize(4));
        // the firewall: no intelligence role, no other agency's supervisor, no auditor, no partner
        for (String other : new String[] { Fixtures.role("analyst"), Fixtures.role("collector"),
                Fixtures.role("liaison-officer"), Fixtures.role("auditor"), Fixtures.role("admin"),
                Fixtures.role("partner"), Fixtures.supervisor("DGST") }) {
            list(other, "q=" + prefix).statusCode(403);
        }
        given().get(LIST).then().statusCode(401);
        // a prevention officer of another agency the holder is not shared with sees none of them
        list(Fixtures.officer("SECRET", "DGAPR"), "q=" + prefix).statusCode(200).body("items", empty());
        // nor does an officer cleared below the holder's CONFIDENTIAL marking
        list(Fixtures.officer("RESTRICTED", "MHAI"), "q=" + prefix).statusCode(200).body("items", empty());
    }
}
