package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every STIX object and bundle the service emits validates against the OASIS STIX 2.1 schemas. */
@QuarkusTest
class StixValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAXII = "application/taxii+json;version=2.1";

    static String releaseWithStixContent(String partner, UUID product, String tlp) {
        String body = """
                {"productId":"%s","partners":["%s"],"tlp":"%s",
                 "actors":[{"name":"خلية الشمال","kind":"THREAT_ACTOR","aliases":["Cellule du Nord"],
                            "description":"Recruitment cell active in Tangier and Tetouan."},
                           {"name":"Operation Détroit","kind":"INTRUSION_SET"}],
                 "indicators":[{"name":"Recruitment channel domain",
                                "pattern":"[domain-name:value = 'recrutement-nord.example']",
                                "indicates":"خلية الشمال"},
                               {"name":"Courier phone","pattern":"[url:value = 'https://t.example/joinnorth']"}]}"""
                .formatted(product, partner, tlp);
        String id = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/releases").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.OFFICER).post("/api/liaison/releases/" + id + "/submit").then()
                .statusCode(200);
        return id;
    }

    @Test
    void releasedBundlesAndTaxiiObjectsValidate() throws Exception {
        int before = StixSchemas.VALIDATED.get();
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = releaseWithStixContent(partner, IntelligenceStub.product("RESTRICTED", "TERRORISM"),
                "AMBER+STRICT");

        Set<String> types = new HashSet<>();
        for (String path : new String[] { "/api/liaison/partner/releases/" + id + "/stix" }) {
            String raw = given().auth().oauth2(Fixtures.partnerToken(partner)).get(path).then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("application/stix+json")).extract().asString();
            JsonNode bundle = JSON.readTree(raw);
            StixSchemas.assertValid(bundle);
            for (JsonNode o : bundle.get("objects")) {
                StixSchemas.assertValid(o);
                types.add(o.get("type").asText());
            }
        }
        String internal = given().auth().oauth2(Fixtures.OFFICER).queryParam("partner", partner)
                .get("/api/liaison/releases/" + id + "/stix").then().statusCode(200).extract().asString();
        JsonNode internalBundle = JSON.readTree(internal);
        StixSchemas.assertValid(internalBundle);
        internalBundle.get("objects").forEach(StixSchemas::assertValid);
        assertEquals(Set.of("report", "identity", "threat-actor", "intrusion-set", "indicator", "relationship",
                "marking-definition"), types);

        String collection = given().auth().oauth2(Fixtures.partnerToken(partner)).accept(TAXII)
                .get("/taxii2/liaison/collections/").then().extract().path("collections.find { it.can_read }.id");
        String page = given().auth().oauth2(Fixtures.partnerToken(partner)).accept(TAXII)
                .get("/taxii2/liaison/collections/" + collection + "/objects/").then().statusCode(200).extract()
                .asString();
        JsonNode objects = JSON.readTree(page).get("objects");
        assertTrue(objects.size() >= 8);
        objects.forEach(StixSchemas::assertValid);
        // the TLP marking is the standard TLP 2.0 one
        boolean amberStrict = false;
        for (JsonNode o : objects) {
            if (o.get("id").asText().equals("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003")) {
                amberStrict = "amber+strict".equals(o.at("/extensions/extension-definition--60a3c5c5-0d10-413e-"
                        + "aab3-9e08dde9e88d/tlp_2_0").asText());
            }
        }
        assertTrue(amberStrict, "TLP:AMBER+STRICT marking-definition with the TLP 2.0 extension");
        assertTrue(StixSchemas.VALIDATED.get() - before >= 2 * 8 + 2, "validation ran");
    }

    @Test
    void theValidatorRejectsWhatTheSchemasForbid() throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree("""
                {"type":"report","spec_version":"2.1","id":"report--%s","created":"2026-01-01T00:00:00.000Z",
                 "modified":"2026-01-01T00:00:00.000Z","published":"2026-01-01T00:00:00.000Z",
                 "object_refs":["identity--%s"]}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertFalse(StixSchemas.errors(report).isEmpty(), "a report without a name must fail");
        report.put("name", "x");
        assertTrue(StixSchemas.errors(report).isEmpty(), StixSchemas.errors(report).toString());
        report.put("created", "yesterday");
        assertFalse(StixSchemas.errors(report).isEmpty(), "a bad timestamp must fail");
    }
}
