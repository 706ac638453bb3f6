package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.yaqaza.testsupport.PostgresTestResource;

import io.restassured.http.ContentType;

/** Tokens, partners, agreements and releases shared by this service's tests. */
public final class Fixtures {

    /** A liaison officer who sees everything of DGST. */
    public static final String OFFICER = liaisonOfficer("TOP_SECRET", "DGST");

    private Fixtures() {
    }

    public static String liaisonOfficer(String clearance, String agency, String... compartments) {
        return PostgresTestResource.primary().token().subject("liaison-" + clearance.toLowerCase() + "-" + agency)
                .roles("liaison-officer").clearance(clearance).compartments(compartments).agency(agency).sign();
    }

    /** A named person; roles as given (e.g. liaison-officer and supervisor). */
    public static String person(String subject, String... roles) {
        return PostgresTestResource.primary().token().subject(subject).roles(roles).clearance("TOP_SECRET")
                .agency("DGST").sign();
    }

    public static String supervisor(String subject) {
        return person(subject, "supervisor");
    }

    /** The machine client registered for a partner ({@link #partnerWithAgreement} registers {@code <code>-client}). */
    public static String partnerToken(String code) {
        return partnerToken(code, code + "-client");
    }

    public static String partnerToken(String code, String clientId) {
        return PostgresTestResource.primary().token().subject(clientId).roles("partner").partner(code)
                .clearance("UNCLASSIFIED").agency("EXT").sign();
    }

    public static String auditor() {
        return PostgresTestResource.primary().token().subject("auditor-1").roles("auditor").clearance("TOP_SECRET")
                .sign();
    }

    /**
     * Records the originator's consent to {@code recipient} receiving {@code product} and has it count: recorded by the
     * officer, approved by a second person. Returns the consent's id.
     */
    public static String approvedConsent(String originator, String recipient, UUID product) {
        String id = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"originatorPartner":"%s","recipientPartner":"%s","productId":"%s",
                 "reference":"Lettre n° 2026/114 du service d'origine","grantedOn":"%s"}"""
                .formatted(originator, recipient, product, today()))
                .post("/api/liaison/consents").then().statusCode(201).extract().path("id");
        given().auth().oauth2(supervisor("consent-approver")).post("/api/liaison/consents/" + id + "/approve").then()
                .statusCode(200);
        return id;
    }

    /** Every audit event about one object, as an auditor reads them. */
    public static io.restassured.path.json.JsonPath audit(String objectId) {
        return given().auth().oauth2(auditor()).queryParam("objectId", objectId).queryParam("limit", 1000)
                .get("/api/liaison/audit").then().statusCode(200).extract().jsonPath();
    }

    public static String partner(String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"code":"%s","country":"ES","serviceName":"Centro Nacional de Inteligencia — enlace Rabat",
                 "status":"ACTIVE","classification":"%s","compartments":[%s]}"""
                .formatted("p-" + UUID.randomUUID(), classification, comps);
    }

    public static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an active partner with its machine client; returns the partner's id. */
    public static String registerPartner(String code) {
        String body = """
                {"code":"%s","country":"FR","serviceName":"Direction générale de la sécurité intérieure",
                 "status":"ACTIVE","classification":"RESTRICTED",
                 "contacts":[{"name":"Claire Martin","function":"officier de liaison","email":"liaison@dgsi.example",
                              "phone":"+33 1 00 00 00 00"},
                             {"name":"يوسف العلمي","function":"ضابط اتصال"}],
                 "clientIds":["%s-client"]}""".formatted(code, code);
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/partners").then().statusCode(201).extract().path("id");
    }

    public static String agreement(String partnerId, String ceiling, String status, LocalDate from, LocalDate to,
            String... categories) {
        String body = """
                {"reference":"MoU-%s","ceiling":"%s","categories":["%s"],"validFrom":"%s",%s"status":"%s"}"""
                .formatted(UUID.randomUUID(), ceiling, String.join("\",\"", categories), from,
                        to == null ? "" : "\"validTo\":\"" + to + "\",", status);
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/partners/" + partnerId + "/agreements").then().statusCode(201).extract()
                .path("id");
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A partner with an agreement active today up to {@code ceiling} for the given categories. */
    public static String partnerWithAgreement(String ceiling, String... categories) {
        String code = newCode("pt");
        String id = registerPartner(code);
        agreement(id, ceiling, "ACTIVE", today().minusDays(30), today().plusYears(1), categories);
        return code;
    }

    public static String releaseBody(UUID productId, String tlp, String... partners) {
        return """
                {"productId":"%s","partners":["%s"],"tlp":"%s","note":"للاطلاع العاجل"}"""
                .formatted(productId, String.join("\",\"", partners), tlp);
    }

    /** Drafts a release as the officer; returns its id. */
    public static String draft(UUID productId, String tlp, String... partners) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(releaseBody(productId, tlp, partners))
                .post("/api/liaison/releases").then().statusCode(201).extract().path("id");
    }

    /** Drafts and submits a below-SECRET release (released at once); returns its id. */
    public static String released(UUID productId, String tlp, String... partners) {
        String id = draft(productId, tlp, partners);
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + id + "/submit").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("RELEASED"));
        return id;
    }
}
