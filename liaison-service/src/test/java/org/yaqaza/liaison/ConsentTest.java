package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Consent to re-release is an accountable act (issue 15): the originator's reference, a bounded scope, PENDING until
 * a second person (a supervisor, not the recorder) approves it, revocable, audited with its scope; only an approved,
 * in-window consent lets TLP:AMBER material go on.
 */
@QuarkusTest
class ConsentTest {

    private static final String OFFICER = Fixtures.OFFICER;

    private static ValidatableResponse record(String body, String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/liaison/consents")
                .then();
    }

    private static String productConsent(String originator, String recipient, UUID product) {
        return """
                {"originatorPartner":"%s","recipientPartner":"%s","productId":"%s",
                 "reference":"BE-VSSE/2026/0457 — رسالة الموافقة","grantedOn":"%s"}"""
                .formatted(originator, recipient, product, Fixtures.today());
    }

    private static String categoryConsent(String originator, String recipient, String category, LocalDate from,
            LocalDate to) {
        return """
                {"originatorPartner":"%s","recipientPartner":"%s","category":"%s","validFrom":"%s","validTo":"%s",
                 "reference":"BE-VSSE/2026/0458","grantedOn":"%s"}"""
                .formatted(originator, recipient, category, from, to, Fixtures.today());
    }

    private static ValidatableResponse draft(UUID product, String partner) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(product, "AMBER", partner)).post("/api/liaison/releases").then();
    }

    @Test
    void noOpenEndedBlanketConsent() {
        String a = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String b = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        LocalDate today = Fixtures.today();
        // neither a product nor a category
        record("""
                {"originatorPartner":"%s","recipientPartner":"%s","reference":"x","grantedOn":"%s"}"""
                .formatted(a, b, today), OFFICER).statusCode(422).body("errors.field", hasItem("productId"));
        // a category without a window, or a window longer than a year
        record("""
                {"originatorPartner":"%s","recipientPartner":"%s","category":"TERRORISM","reference":"x",
                 "grantedOn":"%s"}""".formatted(a, b, today), OFFICER).statusCode(422)
                .body("errors.field", hasItem("validFrom"));
        record(categoryConsent(a, b, "TERRORISM", today, today.plusYears(1).plusDays(1)), OFFICER).statusCode(422)
                .body("errors.field", hasItem("validTo"));
        // both a product and a category
        record("""
                {"originatorPartner":"%s","recipientPartner":"%s","productId":"%s","category":"TERRORISM",
                 "validFrom":"%s","validTo":"%s","reference":"x","grantedOn":"%s"}"""
                .formatted(a, b, UUID.randomUUID(), today, today.plusDays(5), today), OFFICER).statusCode(422);
        // no reference
        record("""
                {"originatorPartner":"%s","recipientPartner":"%s","productId":"%s","grantedOn":"%s"}"""
                .formatted(a, b, UUID.randomUUID(), today), OFFICER).statusCode(400);
    }

    @Test
    void aConsentCountsOnlyOnceASecondPersonApprovedIt() {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        UUID product = IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(originator, "AMBER"));
        // an officer who is also a supervisor records it: they cannot approve it themselves
        String both = Fixtures.person("liaison-sup-" + UUID.randomUUID(), "liaison-officer", "supervisor");
        String id = record(productConsent(originator, recipient, product), both).statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        draft(product, recipient).statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:tlp-amber"));

        given().auth().oauth2(both).post("/api/liaison/consents/" + id + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:four-eyes"));
        given().auth().oauth2(OFFICER).post("/api/liaison/consents/" + id + "/approve").then().statusCode(403);
        draft(product, recipient).statusCode(422);

        given().auth().oauth2(Fixtures.supervisor("consent-sup-" + UUID.randomUUID()))
                .post("/api/liaison/consents/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        String release = draft(product, recipient).statusCode(201).extract().path("id");

        // revoked between draft and submit: the submit is refused (the checks run again)
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"reason\":\"سحب الموافقة من طرف المصلحة المصدرة\"}")
                .post("/api/liaison/consents/" + id + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + release + "/submit").then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:tlp-amber"));
        given().auth().oauth2(OFFICER).get("/api/liaison/releases/" + release).then().body("status",
                equalTo("DRAFT"));

        var audit = Fixtures.audit(id);
        assertTrue(audit.getList("items.action").containsAll(java.util.List.of("CREATE", "APPROVE", "REVOKE")),
                audit.prettify());
        String created = audit.getString("items.find { it.action == 'CREATE' }.detail");
        assertTrue(created.contains(product.toString()) && created.contains("BE-VSSE/2026/0457"), created);
    }

    @Test
    void aCategoryConsentCountsForItsCategoryWithinItsWindow() {
        String originator = Fixtures.partnerWithAgreement("SECRET", "TERRORISM", "ORGANISED_CRIME");
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM", "ORGANISED_CRIME");
        LocalDate today = Fixtures.today();
        String past = record(categoryConsent(originator, recipient, "TERRORISM", today.minusYears(1),
                today.minusDays(1)), OFFICER).statusCode(201).extract().path("id");
        approve(past);
        UUID terrorism = IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(originator, "AMBER"));
        draft(terrorism, recipient).statusCode(422).body("detail", containsString(originator));

        approve(record(categoryConsent(originator, recipient, "TERRORISM", today.minusDays(1), today.plusMonths(6)),
                OFFICER).statusCode(201).extract().path("id"));
        draft(terrorism, recipient).statusCode(201);
        UUID crime = IntelligenceStub.productWithLineage("RESTRICTED", "ORGANISED_CRIME",
                Map.of(originator, "AMBER"));
        draft(crime, recipient).statusCode(422).body("type", equalTo("urn:yaqaza:liaison:release-check:tlp-amber"));
    }

    /**
     * The second sequence at module level: a product whose lineage carries be-vsse is refused to es-cni
     * without an approved consent, and released with one.
     */
    @Test
    void theLaunderingSequenceEndsAtTheLineage() {
        String beVsse = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String esCni = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        // the product's direct sources name no partner any more; its lineage still does
        UUID product = IntelligenceStub.productWithLineage("RESTRICTED", "TERRORISM", Map.of(beVsse, "AMBER"));
        IntelligenceStub.clearOriginators(product);
        draft(product, esCni).statusCode(422).body("detail", containsString(beVsse));
        approve(record(productConsent(beVsse, esCni, product), OFFICER).statusCode(201).extract().path("id"));
        String release = draft(product, esCni).statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICER).post("/api/liaison/releases/" + release + "/submit").then().statusCode(200)
                .body("status", equalTo("RELEASED"));
    }

    private static void approve(String id) {
        given().auth().oauth2(Fixtures.supervisor("consent-sup-" + UUID.randomUUID()))
                .post("/api/liaison/consents/" + id + "/approve").then().statusCode(200);
    }
}
