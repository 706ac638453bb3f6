package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AssessmentTest {

    static final String EXAMPLE = "6f1f9a52-3c1e-4d7e-9a51-0d1c2b3a4e01";
    static final List<String> INDICATORS = List.of("SELF_REFLECTION", "SELF_REGULATION", "TEXT_CONTEXT",
            "TEXT_PLURALITY", "SOCIETY_TIES", "SOCIETY_PLANS", "SOCIETY_NONVIOLENCE");

    static String body(String on, String occasion, Map<String, String> levels) {
        StringBuilder ratings = new StringBuilder();
        for (String indicator : INDICATORS) {
            String level = levels.getOrDefault(indicator, "PARTLY_EVIDENT");
            ratings.append(ratings.length() == 0 ? "" : ",").append("{\"indicator\":\"").append(indicator)
                    .append("\",\"level\":\"").append(level).append("\",\"evidence\":\"")
                    .append(level.equals("INSUFFICIENT_INFORMATION") ? "" : "لاحظ المؤطر ذلك في الجلسة الثالثة")
                    .append("\"}");
        }
        return """
                {"instrumentId":"%s","assessedOn":"%s","occasion":"%s","ratings":[%s],
                 "overallJudgement":"Engagement sustained, continue the programme",
                 "rationale":"Regular attendance; discusses texts with the murshid openly."}"""
                .formatted(EXAMPLE, on, occasion, ratings);
    }

    static String assess(String enrolment) {
        return given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(body("2024-02-10", "INITIAL", Map.of()))
                .post("/api/prevention/enrolments/" + enrolment + "/assessments").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void theExampleInstrumentIsDataWithInsufficientInformationOnEveryScale() {
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/instruments/" + EXAMPLE).then()
                .statusCode(200).body("code", equalTo("YAQAZA-RPR")).body("version", equalTo(1))
                .body("definition.domains.size()", equalTo(3))
                .body("definition.domains[1].titleAr", equalTo("المصالحة مع النص الديني"))
                .body("definition.scales[0].levels.code", hasItem("INSUFFICIENT_INFORMATION"));
    }

    @Test
    void aNewVersionIsCreatedAndAScaleWithoutInsufficientInformationIsRefused() {
        String definition = """
                {"code":"TEST-INSTR","title":"Test","licence":"CC0","definition":{
                 "scales":[{"code":"S","levels":[{"code":"LOW","label":"low"},%s]}],
                 "domains":[{"code":"D","title":"d","indicators":[{"code":"I1","text":"t","scale":"S"}]}],
                 "judgements":["ok"]}}""";
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(definition.formatted("{\"code\":\"HIGH\",\"label\":\"high\"}"))
                .post("/api/prevention/instruments").then().statusCode(422)
                .body("detail", containsString("INSUFFICIENT_INFORMATION"));
        String ok = definition.formatted("{\"code\":\"INSUFFICIENT_INFORMATION\",\"label\":\"n/a\"}");
        int first = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(ok)
                .post("/api/prevention/instruments").then().statusCode(201).extract().path("version");
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(ok)
                .post("/api/prevention/instruments").then().statusCode(201).body("version", equalTo(first + 1));
    }

    @Test
    void assessmentsRecordJudgementComputeTheDueDateAndShowWhatMoved() {
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("\"capacity\":25", "\"capacity\":25,\"assessmentCadenceDays\":90"));
        String enrolment = Fixtures.enrol(Fixtures.edition(programme, 5), Fixtures.anyParticipant());
        // every indicator must be rated, with evidence
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(body("2024-02-10", "INITIAL", Map.of()).replace("لاحظ المؤطر ذلك في الجلسة الثالثة", ""))
                .post("/api/prevention/enrolments/" + enrolment + "/assessments").then().statusCode(422)
                .body("detail", containsString("needs its evidence"));
        String first = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(body("2024-02-10", "INITIAL", Map.of("SOCIETY_TIES", "NOT_EVIDENT",
                        "TEXT_CONTEXT", "INSUFFICIENT_INFORMATION")))
                .post("/api/prevention/enrolments/" + enrolment + "/assessments").then().statusCode(201)
                .body("nextDueOn", equalTo("2024-05-10"))
                .body("overallJudgement", equalTo("Engagement sustained, continue the programme"))
                .extract().path("id");
        given().auth().oauth2(Fixtures.officer()).queryParam("asOf", "2024-06-01")
                .get("/api/prevention/assessments/due").then().statusCode(200)
                .body("lastAssessmentId", hasItem(first));
        String second = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(body("2024-05-08", "SCHEDULED", Map.of("SOCIETY_TIES", "CLEARLY_EVIDENT",
                        "SELF_REGULATION", "NOT_EVIDENT")))
                .post("/api/prevention/enrolments/" + enrolment + "/assessments").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Fixtures.officer()).get("/api/prevention/assessments/" + second + "/comparison")
                .then().statusCode(200).body("previousId", equalTo(first))
                .body("changes.find { it.indicator == 'SOCIETY_TIES' }.movement", equalTo("UP"))
                .body("changes.find { it.indicator == 'SELF_REGULATION' }.movement", equalTo("DOWN"))
                .body("changes.find { it.indicator == 'TEXT_CONTEXT' }.movement", equalTo("NOT_COMPARABLE"))
                .body("changes.find { it.indicator == 'SELF_REFLECTION' }.movement", equalTo("SAME"));
    }
}
