package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;

import org.yaqaza.testsupport.PostgresTestResource;

import io.restassured.http.ContentType;

/** Tokens, bodies and small API walks shared by this service's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String officer(String clearance, String agency, String... compartments) {
        return PostgresTestResource.primary().token().subject("prevention-" + clearance.toLowerCase() + "-" + agency)
                .roles("prevention-officer").clearance(clearance).compartments(compartments).agency(agency).sign();
    }

    /** The usual officer of these tests: prevention agency, SECRET. */
    public static String officer() {
        return officer("SECRET", "MHAI");
    }

    public static String supervisor(String agency) {
        return PostgresTestResource.primary().token().subject("supervisor-" + agency.toLowerCase())
                .roles("supervisor").clearance("SECRET").agency(agency).sign();
    }

    public static String role(String role) {
        return PostgresTestResource.primary().token().subject(role + "-1").roles(role).clearance("TOP_SECRET")
                .agency("MHAI").sign();
    }

    public static String programme(String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"kind":"PRISON_RECONCILIATION","name":"مصالحة — الدورة الثالثة","institution":"Prison locale de Salé",
                 "region":"Rabat-Salé-Kénitra","capacity":25,"classification":"%s","compartments":[%s]}"""
                .formatted(classification, comps);
    }

    public static String createProgramme(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/prevention/programmes").then().statusCode(201).extract().path("id");
    }

    public static String reconciliationProgramme() {
        return createProgramme(officer(), programme("RESTRICTED"));
    }

    public static String module(String programmeId, String code, int requiredSessions) {
        return given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"title\":\"المصالحة مع الذات\",\"requiredSessions\":"
                        + requiredSessions + "}")
                .post("/api/prevention/programmes/" + programmeId + "/modules").then().statusCode(201)
                .extract().path("id");
    }

    public static String edition(String programmeId, int capacity) {
        return given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body("{\"name\":\"Édition 2024\",\"startsOn\":\"2024-01-15\",\"capacity\":" + capacity + "}")
                .post("/api/prevention/programmes/" + programmeId + "/editions").then().statusCode(201)
                .extract().path("id");
    }

    public static String identity(String nameAr, String nameLatin, String nationalId) {
        return """
                {"fullNameAr":"%s","fullNameLatin":"%s","nationalId":"%s","birthDate":"1990-04-12"}"""
                .formatted(nameAr, nameLatin, nationalId);
    }

    /** A participant with active participation and follow-up consent; returns the code. */
    public static String participant(String nameAr, String nameLatin, String nationalId) {
        String body = """
                {"identity":%s,"classification":"CONFIDENTIAL",
                 "consents":[{"scope":"PARTICIPATION","givenOn":"2024-01-02"},
                             {"scope":"FOLLOW_UP","givenOn":"2024-01-02"}]}"""
                .formatted(identity(nameAr, nameLatin, nationalId));
        return given().auth().oauth2(officer()).contentType(ContentType.JSON).body(body)
                .post("/api/prevention/participants").then().statusCode(201).extract().path("code");
    }

    private static int counter;

    public static synchronized String anyParticipant() {
        counter++;
        return participant("يوسف العلوي " + counter, "Youssef Alaoui " + counter, "BK" + (100000 + counter)
                + (System.nanoTime() % 1000));
    }

    public static String apply(String editionId, String code) {
        return given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + editionId + "/enrolments").then().statusCode(201)
                .extract().path("id");
    }

    public static io.restassured.response.ValidatableResponse move(String enrolmentId, String to) {
        return given().auth().oauth2(officer()).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"on\":\"" + LocalDate.of(2024, 2, 1) + "\"}")
                .post("/api/prevention/enrolments/" + enrolmentId + "/transitions").then();
    }

    /** Applied, screened and asked to enrol: ENROLLED or WAITLISTED depending on places. */
    public static String enrol(String editionId, String code) {
        String id = apply(editionId, code);
        move(id, "SCREENED").statusCode(200);
        move(id, "ENROLLED").statusCode(200);
        return id;
    }

    /** A SECRET participant in {@code compartment}, registered by {@code token} (who must hold it). */
    public static String compartmentedParticipant(String token, String compartment, String nameAr, String nameLatin,
            String nationalId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"identity":%s,"classification":"SECRET","compartments":["%s"],
                 "consents":[{"scope":"PARTICIPATION","givenOn":"2024-01-02"},
                             {"scope":"FOLLOW_UP","givenOn":"2024-01-02"}]}"""
                .formatted(identity(nameAr, nameLatin, nationalId), compartment))
                .post("/api/prevention/participants").then().statusCode(201).extract().path("code");
    }

    /** {@link #enrol} done by {@code token}: the state reached (ENROLLED or WAITLISTED) decides nothing here. */
    public static String enrolAs(String token, String editionId, String code) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\"}")
                .post("/api/prevention/editions/" + editionId + "/enrolments").then().statusCode(201)
                .extract().path("id");
        for (String to : new String[] { "SCREENED", "ENROLLED" }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"to\":\"" + to + "\"}")
                    .post("/api/prevention/enrolments/" + id + "/transitions").then().statusCode(200);
        }
        return id;
    }
}
