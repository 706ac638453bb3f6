package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CertificateTest {

    private static String imamProgrammeWithGraduate(String code) {
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("PRISON_RECONCILIATION", "IMAM_TRAINING").replace("Prison locale de Salé",
                        "Institut Mohammed VI de formation des imams"));
        String edition = Fixtures.edition(programme, 30);
        String enrolment = Fixtures.enrol(edition, code);
        Fixtures.move(enrolment, "ACTIVE").statusCode(200);
        Fixtures.move(enrolment, "COMPLETED").statusCode(200);
        return programme;
    }

    private static String issue(String code, String programme, String issued, String expires) {
        return given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"programmeId\":\"" + programme + "\",\"issuedOn\":\""
                        + issued + "\",\"expiresOn\":\"" + expires + "\"}")
                .post("/api/prevention/certificates").then().statusCode(201).extract().path("number");
    }

    private static void validity(String token, String number, String status) {
        given().auth().oauth2(token).get("/api/prevention/certificates/" + number + "/validity").then()
                .statusCode(200).body("status", equalTo(status)).body("$", not(hasKey("holderCode")));
    }

    @Test
    void validityIsValidExpiredRevokedOrUnknownWithoutTheHolder() {
        String code = Fixtures.anyParticipant();
        String programme = imamProgrammeWithGraduate(code);
        LocalDate today = LocalDate.now();
        String valid = issue(code, programme, today.minusYears(1).toString(), today.plusYears(2).toString());
        String expired = issue(code, programme, today.minusYears(4).toString(), today.minusDays(1).toString());
        String revoked = issue(code, programme, today.minusYears(1).toString(), today.plusYears(2).toString());
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"revokedOn\":\"" + today + "\",\"reason\":\"خطاب يحرض على الكراهية\"}")
                .post("/api/prevention/certificates/" + revoked + "/revocation").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        // any staff member may ask, even an analyst: the answer carries no identity; a partner may not
        given().auth().oauth2(Fixtures.role("partner")).get("/api/prevention/certificates/" + valid + "/validity")
                .then().statusCode(403);
        String asker = Fixtures.role("analyst");
        validity(asker, valid, "VALID");
        validity(asker, expired, "EXPIRED");
        validity(asker, revoked, "REVOKED");
        validity(asker, "IMAM-1999-000000", "UNKNOWN");
        validity(asker, "not a number!", "UNKNOWN");
        // a renewal makes an expired certificate valid again
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"renewedOn\":\"" + today + "\",\"newExpiry\":\"" + today.plusYears(3) + "\"}")
                .post("/api/prevention/certificates/" + expired + "/renewals").then().statusCode(200)
                .body("renewals.size()", equalTo(1));
        validity(asker, expired, "VALID");
        // the registry entry itself is case data
        given().auth().oauth2(asker).get("/api/prevention/certificates/" + valid).then().statusCode(403);
    }

    @Test
    void certificatesNeedACompletedTrainingProgramme() {
        String code = Fixtures.anyParticipant();
        String reconciliation = Fixtures.reconciliationProgramme();
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"programmeId\":\"" + reconciliation
                        + "\",\"issuedOn\":\"2024-01-01\",\"expiresOn\":\"2027-01-01\"}")
                .post("/api/prevention/certificates").then().statusCode(422);
    }
}
