package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.rest.MediaTypes;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Partner provenance as structured fields (TLP, submission) set by the liaison-service, and lineage: the
 * (partner, TLP) pairs every product, assessment and case carries, transitively, computed by the service.
 */
@QuarkusTest
class ProvenanceAndLineageTest {

    private static final String ANALYST = Fixtures.user("lineage-analyst", "analyst", "TOP_SECRET", "CT-NORTH");
    private static final String LIAISON_SERVICE = PostgresTestResource.primary().token().subject("liaison-service")
            .roles("service").clearance("TOP_SECRET").agency("DGST").sign();

    private static String partnerReport(String token, String partner, String tlp, String submissionId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(partnerBody(partner, tlp, submissionId))
                .post("/api/intelligence/reports").then().statusCode(201).extract().path("id");
    }

    private static String partnerBody(String partner, String tlp, String submissionId) {
        return """
                {"sourceType":"PARTNER","originatorPartner":"%s",%s%s"reliability":"C","credibility":3,
                 "collectedAt":"2026-02-10T08:00:00Z","language":"es","title":"Informe de %s",
                 "body":"Movimientos sospechosos en Algeciras.","classification":"SECRET"}"""
                .formatted(partner, tlp == null ? "" : "\"tlp\":\"" + tlp + "\",",
                        submissionId == null ? "" : "\"submissionId\":\"" + submissionId + "\",", partner);
    }

    private static List<Map<String, String>> lineage(JsonPath view) {
        return view.getList("lineage");
    }

    private static Map<String, String> pair(String partner, String tlp) {
        return Map.of("partner", partner, "tlp", tlp);
    }

    @Test
    void theLiaisonServiceFilesPartnerMaterialWithItsTlpAndSubmission() {
        String submission = UUID.randomUUID().toString();
        String id = partnerReport(LIAISON_SERVICE, "es-cni", "AMBER+STRICT", submission);
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + id).then().statusCode(200)
                .body("tlp", equalTo("AMBER+STRICT")).body("submissionId", equalTo(submission))
                .body("originatorPartner", equalTo("es-cni"));
        // unmarked partner material is stored as AMBER (conservative); national material has no TLP
        String unmarked = partnerReport(ANALYST, "fr-dgsi", null, null);
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + unmarked).then()
                .body("tlp", equalTo("AMBER")).body("submissionId", nullValue());
        String national = Fixtures.createReport(ANALYST, Fixtures.report("وطني", "SECRET"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + national).then().body("tlp", nullValue());
    }

    @Test
    void provenanceFieldsAreCheckedWhenAReportIsFiled() {
        // only the liaison-service names a submission
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body(partnerBody("es-cni", "GREEN", UUID.randomUUID().toString())).post("/api/intelligence/reports")
                .then().statusCode(422).body("title", equalTo("Submission id reserved"));
        // a TLP marks partner material
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body(Fixtures.report("x", "SECRET", List.of(), List.of(), "\"tlp\":\"RED\""))
                .post("/api/intelligence/reports").then().statusCode(422).body("title", equalTo("TLP without partner"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(partnerBody("es-cni", "WHITE", null))
                .post("/api/intelligence/reports").then().statusCode(400).body("errors.field", hasItem("tlp"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body(Fixtures.report("x", "SECRET").replace("\"sourceType\":\"HUMINT\",", ""))
                .post("/api/intelligence/reports").then().statusCode(400).body("errors.field", hasItem("sourceType"));
    }

    @Test
    void lineageIsTransitiveThroughProductsAndCarriedByAssessmentsAndCases() {
        String spanish = partnerReport(LIAISON_SERVICE, "es-cni", "AMBER", UUID.randomUUID().toString());
        String french = partnerReport(ANALYST, "fr-dgsi", "GREEN", null);
        String national = Fixtures.createReport(ANALYST, Fixtures.report("مصدر وطني", "SECRET"));
        JsonPath first = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Produit A","summary":"ملخص","category":"TERRORISM","sourceReportIds":["%s","%s"],
                 "classification":"RESTRICTED","sharedWith":["DGED"]}""".formatted(spanish, national))
                .post("/api/intelligence/products").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(pair("es-cni", "AMBER")), lineage(first));
        JsonPath derived = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Produit B","summary":"ملخص","category":"TERRORISM","sourceReportIds":["%s"],
                 "sourceProductIds":["%s"],"classification":"RESTRICTED","sharedWith":["DGED"]}"""
                .formatted(french, first.getString("id"))).post("/api/intelligence/products").then()
                .statusCode(201).extract().jsonPath();
        assertEquals(List.of(pair("es-cni", "AMBER"), pair("fr-dgsi", "GREEN")), lineage(derived));
        assertEquals(List.of("es-cni", "fr-dgsi"), derived.getList("originatorPartners"));
        assertEquals(List.of(first.getString("id")), derived.getList("sourceProductIds"));
        // what liaison reads
        String liaison = Fixtures.userOf("DGED", "lineage-liaison", "liaison-officer", "SECRET");
        JsonPath read = given().auth().oauth2(liaison).get("/api/intelligence/products/" + derived.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(lineage(derived), lineage(read));
        // a product derived from the derived one: the Spanish origin is still there, two steps away
        JsonPath third = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Produit C","summary":"ملخص","category":"TERRORISM",
                 "sourceProductIds":["%s"],"classification":"RESTRICTED"}""".formatted(derived.getString("id")))
                .post("/api/intelligence/products").then().statusCode(201).extract().jsonPath();
        assertEquals(lineage(derived), lineage(third));

        String subject = Fixtures.createEntity(ANALYST, Fixtures.person("Hamza Cité", "SECRET"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"SUBSTANTIAL","category":"TERRORISM","rationale":"مصادر شريكة",
                 "nextReview":"2030-01-01","classification":"SECRET","reportIds":["%s","%s"]}"""
                .formatted(subject, french, national)).post("/api/intelligence/assessments").then().statusCode(201)
                .body("reportIds", equalTo(List.of(french, national)))
                .body("lineage", equalTo(List.of(pair("fr-dgsi", "GREEN"))));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"Opération Lignée","category":"TERRORISM","reportIds":["%s","%s"],
                 "classification":"SECRET"}""".formatted(spanish, french)).post("/api/intelligence/cases").then()
                .statusCode(201).body("lineage", equalTo(List.of(pair("es-cni", "AMBER"), pair("fr-dgsi", "GREEN"))));
    }

    @Test
    void sourcesMustBeVisibleToWhoeverCitesThem() {
        String topSecret = Fixtures.user("lineage-ts", "analyst", "TOP_SECRET", "CT-NORTH", "CT-SOUTH");
        String hidden = partnerReport(topSecret, "be-vsse", "RED", null);
        String hiddenProduct = given().auth().oauth2(topSecret).contentType(ContentType.JSON).body("""
                {"title":"Caché","summary":"s","category":"TERRORISM","sourceReportIds":["%s"],
                 "classification":"TOP_SECRET","compartments":["CT-SOUTH"]}""".formatted(hidden))
                .post("/api/intelligence/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"x","summary":"s","category":"TERRORISM","sourceProductIds":["%s"],
                 "classification":"RESTRICTED"}""".formatted(hiddenProduct)).post("/api/intelligence/products").then()
                .statusCode(422).body("errors.field", hasItem("sourceProductIds"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"title":"x","summary":"s","category":"TERRORISM","classification":"RESTRICTED"}""")
                .post("/api/intelligence/products").then().statusCode(400)
                .body("errors.field", hasItem("sourceReportIds"));
        String subject = Fixtures.createEntity(ANALYST, Fixtures.person("Sujet Caché", "SECRET"));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"subjectId":"%s","threatLevel":"LOW","category":"TERRORISM","rationale":"r",
                 "nextReview":"2030-01-01","classification":"SECRET","reportIds":["%s"]}""".formatted(subject,
                UUID.randomUUID())).post("/api/intelligence/assessments").then().statusCode(422)
                .body("errors.field", hasItem("reportIds"));
    }

    @Test
    void bulkIngestKeepsTheSameProvenanceRules() {
        String line = partnerBody("es-cni", null, null).replace("\n", " ");
        String withSubmission = partnerBody("es-cni", "RED", "bulk-" + UUID.randomUUID()).replace("\n", " ");
        JsonPath byService = bulk(LIAISON_SERVICE, line + "\n" + withSubmission + "\n");
        assertEquals(List.of("CREATED", "CREATED"), byService.getList("status"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + byService.getString("[0].id")).then()
                .body("tlp", equalTo("AMBER"));
        given().auth().oauth2(ANALYST).get("/api/intelligence/reports/" + byService.getString("[1].id")).then()
                .body("tlp", equalTo("RED"));
        JsonPath byAnalyst = bulk(ANALYST, withSubmission + "\n");
        assertEquals("REJECTED", byAnalyst.getString("[0].status"));
    }

    private static JsonPath bulk(String token, String ndjson) {
        String out = given().auth().oauth2(token).contentType(MediaTypes.NDJSON)
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/intelligence/reports/bulk").then().statusCode(200).extract().asString();
        return new JsonPath("[" + String.join(",", out.strip().split("\n")) + "]");
    }
}
