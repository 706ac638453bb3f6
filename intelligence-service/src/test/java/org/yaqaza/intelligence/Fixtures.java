package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.yaqaza.common.text.Escaping;
import org.yaqaza.launcher.testing.PostgresTestResource;

import io.restassured.http.ContentType;

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

    public static String relate(String token, String source, String target, String type, String classification,
            String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"sourceId":"%s","targetId":"%s","type":"%s","confidence":80,"classification":"%s",
                 "compartments":[%s]}""".formatted(source, target, type, classification, comps))
                .post("/api/intelligence/relationships").then().statusCode(201).extract().path("id");
    }
}
