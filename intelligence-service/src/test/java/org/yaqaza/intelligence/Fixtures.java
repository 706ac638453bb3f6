package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.yaqaza.common.text.Escaping;
import org.yaqaza.testsupport.PostgresTestResource;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Tokens and report bodies shared by this service's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String analyst(String clearance, String... compartments) {
        return PostgresTestResource.primary().token().subject("analyst-" + clearance.toLowerCase())
                .roles("analyst").clearance(clearance).compartments(compartments).agency("DGST").sign();
    }

    /** A token for a named person with one role, DGST, and the given clearance and compartments. */
    public static String user(String subject, String role, String clearance, String... compartments) {
        return PostgresTestResource.primary().token().subject(subject).roles(role).clearance(clearance)
                .compartments(compartments).agency("DGST").sign();
    }

    public static String report(String title, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"sourceType":"HUMINT","reliability":"B","credibility":2,
                 "collectedAt":"2026-03-01T10:00:00Z","collectedPlace":"Fès","language":"ar",
                 "title":"%s","body":"اجتماع في المدينة القديمة","classification":"%s",
                 "compartments":[%s]}""".formatted(title, classification, comps);
    }

    /** A HUMINT report with its whole marking chosen by the test; {@code extra} adds JSON members (or ""). */
    public static String report(String title, String classification, List<String> compartments,
            List<String> sharedWith, String extra) {
        return """
                {"sourceType":"HUMINT","reliability":"B","credibility":2,"collectedAt":"2026-03-01T10:00:00Z",
                 "language":"ar","title":"%s","body":"لقاء في ساحة باب الأحد","classification":"%s",
                 "compartments":%s,"sharedWith":%s%s}""".formatted(json(title), classification, codes(compartments),
                codes(sharedWith), extra.isEmpty() ? "" : "," + extra);
    }

    /** What the audit trail holds about one record, oldest first, as an auditor reads it. */
    public static JsonPath audit(String objectId) {
        String auditor = PostgresTestResource.primary().token().subject("fixtures-auditor").roles("auditor").sign();
        return given().auth().oauth2(auditor).queryParam("objectId", objectId).queryParam("limit", 1000)
                .get("/api/intelligence/audit").then().statusCode(200).extract().jsonPath();
    }

    private static String codes(List<String> codes) {
        return codes.stream().map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** A report with every field chosen by the test. */
    public static String report(String sourceType, String reliability, int credibility, String collectedAt,
            String language, String title, String body, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"sourceType":"%s","reliability":"%s","credibility":%d,"collectedAt":"%s","language":"%s",
                 "title":"%s","body":"%s","classification":"%s","compartments":[%s]}"""
                .formatted(sourceType, reliability, credibility, collectedAt, language, json(title), json(body),
                        classification, comps);
    }

    /** The inside of a JSON string literal, for bodies written as text templates. */
    public static String json(String text) {
        return Escaping.appendJson(new StringBuilder(), text, 0, text.length()).toString();
    }

    /** The real Arabic article shipped with the demo data. */
    public static String article() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/demo/ar-morocco-proactive-security-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A language code no other test uses, so counts and lists in a test are exact. */
    public static synchronized String uniqueLanguage() {
        int n = languages++;
        return "q" + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26);
    }

    private static int languages;

    public static String createReport(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/intelligence/reports").then().statusCode(201).extract().path("id");
    }

    public static String person(String displayName, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"kind":"PERSON","displayName":"%s","classification":"%s","compartments":[%s]}"""
                .formatted(displayName, classification, comps);
    }

    public static String createEntity(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/intelligence/entities").then().statusCode(201).extract().path("id");
    }

    /** A token of any agency (the other helpers make DGST users). */
    public static String userOf(String agency, String subject, String role, String clearance,
            String... compartments) {
        return PostgresTestResource.primary().token().subject(subject).roles(role).clearance(clearance)
                .compartments(compartments).agency(agency).sign();
    }

    /** A case of the token's agency, moved under surveillance so that interventions can be requested. */
    public static String caseUnderSurveillance(String token, String title, String classification,
            String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"title":"%s","category":"TERRORISM","classification":"%s","compartments":[%s]}"""
                .formatted(json(title), classification, comps))
                .post("/api/intelligence/cases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"to\":\"UNDER_SURVEILLANCE\"}")
                .post("/api/intelligence/cases/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    /**
     * An intervention of the case on {@code date}, with {@code fields} (JSON members such as
     * {@code "foilsEventId":"…"}), requested by one person and approved by a second.
     */
    public static void approvedIntervention(String requester, String approver, String caseId, String date,
            String fields) {
        List<Map<String, Object>> interventions = given().auth().oauth2(requester).contentType(ContentType.JSON)
                .body("{\"date\":\"%s\",\"place\":\"الناظور\",\"arrests\":0,%s}".formatted(date, fields))
                .post("/api/intelligence/cases/" + caseId + "/interventions").then().statusCode(201)
                .extract().path("interventions");
        Object pending = interventions.stream().filter(i -> "PENDING_APPROVAL".equals(i.get("status")))
                .findFirst().orElseThrow().get("id");
        given().auth().oauth2(approver).post("/api/intelligence/cases/" + caseId + "/interventions/" + pending
                + "/approve").then().statusCode(200);
    }

    public static String relate(String token, String source, String target, String type, String classification,
            String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"sourceId":"%s","targetId":"%s","type":"%s","confidence":80,"classification":"%s",
                 "compartments":[%s]}""".formatted(source, target, type, classification, comps))
                .post("/api/intelligence/relationships").then().statusCode(201).extract().path("id");
    }
}
